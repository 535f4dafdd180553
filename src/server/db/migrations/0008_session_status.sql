ALTER TABLE "auction_sessions" ADD COLUMN "status" text DEFAULT 'scheduled' NOT NULL;--> statement-breakpoint
ALTER TABLE "auction_sessions" ADD COLUMN "cancel_reason" text;
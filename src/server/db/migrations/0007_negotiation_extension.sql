ALTER TABLE "proposals" ADD COLUMN "negotiation_deadline" date;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "negotiation_extension_reason" text;
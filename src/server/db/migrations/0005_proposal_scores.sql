CREATE TABLE "proposal_scores" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"panelist_user_id" uuid NOT NULL,
	"conflict" boolean DEFAULT false NOT NULL,
	"conflict_reason" text,
	"scores" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_scores_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "proposal_scores" ADD CONSTRAINT "proposal_scores_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_scores" ADD CONSTRAINT "proposal_scores_session_fk" FOREIGN KEY ("region_id","session_id") REFERENCES "public"."auction_sessions"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_scores" ADD CONSTRAINT "proposal_scores_user_fk" FOREIGN KEY ("region_id","panelist_user_id") REFERENCES "public"."users"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_scores_panelist_uq" ON "proposal_scores" USING btree ("region_id","proposal_id","panelist_user_id");
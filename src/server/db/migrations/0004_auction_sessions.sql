CREATE TABLE "auction_sessions" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"chair_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auction_sessions_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "session_agenda" (
	"region_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "session_agenda_region_id_session_id_proposal_id_pk" PRIMARY KEY("region_id","session_id","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "session_panelists" (
	"region_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "session_panelists_region_id_session_id_user_id_pk" PRIMARY KEY("region_id","session_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "auction_sessions" ADD CONSTRAINT "auction_sessions_cycle_fk" FOREIGN KEY ("region_id","cycle_id") REFERENCES "public"."cycles"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction_sessions" ADD CONSTRAINT "auction_sessions_chair_fk" FOREIGN KEY ("region_id","chair_user_id") REFERENCES "public"."users"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_agenda" ADD CONSTRAINT "session_agenda_session_fk" FOREIGN KEY ("region_id","session_id") REFERENCES "public"."auction_sessions"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_agenda" ADD CONSTRAINT "session_agenda_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_panelists" ADD CONSTRAINT "session_panelists_session_fk" FOREIGN KEY ("region_id","session_id") REFERENCES "public"."auction_sessions"("region_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_panelists" ADD CONSTRAINT "session_panelists_user_fk" FOREIGN KEY ("region_id","user_id") REFERENCES "public"."users"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auction_sessions_cycle_idx" ON "auction_sessions" USING btree ("region_id","cycle_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "session_agenda_proposal_uq" ON "session_agenda" USING btree ("region_id","proposal_id");--> statement-breakpoint
CREATE INDEX "session_panelists_user_idx" ON "session_panelists" USING btree ("region_id","user_id");
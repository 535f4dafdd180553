CREATE TABLE "proposals" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"lead_work_unit_id" uuid NOT NULL,
	"collaborator_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"document" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_cycle_fk" FOREIGN KEY ("region_id","cycle_id") REFERENCES "public"."cycles"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_unit_fk" FOREIGN KEY ("region_id","lead_work_unit_id") REFERENCES "public"."work_units"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposals_cycle_idx" ON "proposals" USING btree ("region_id","cycle_id","status");--> statement-breakpoint
CREATE INDEX "proposals_unit_idx" ON "proposals" USING btree ("region_id","lead_work_unit_id");
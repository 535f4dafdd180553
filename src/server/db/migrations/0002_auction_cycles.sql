CREATE TABLE "cycles" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"phases" jsonb NOT NULL,
	"rubric" jsonb NOT NULL,
	"budget_ceilings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "submission_extensions" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"work_unit_id" uuid NOT NULL,
	"deadline" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submission_extensions_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"outcome_indicator_name" text NOT NULL,
	"outcome_indicator_unit" text NOT NULL,
	"outcome_polarity" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "themes_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_extensions" ADD CONSTRAINT "submission_extensions_cycle_fk" FOREIGN KEY ("region_id","cycle_id") REFERENCES "public"."cycles"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_extensions" ADD CONSTRAINT "submission_extensions_unit_fk" FOREIGN KEY ("region_id","work_unit_id") REFERENCES "public"."work_units"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_cycle_fk" FOREIGN KEY ("region_id","cycle_id") REFERENCES "public"."cycles"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_mission_fk" FOREIGN KEY ("region_id","mission_id") REFERENCES "public"."missions"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_name_uq" ON "cycles" USING btree ("region_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_extensions_unit_uq" ON "submission_extensions" USING btree ("region_id","cycle_id","work_unit_id");--> statement-breakpoint
CREATE INDEX "submission_extensions_cycle_idx" ON "submission_extensions" USING btree ("region_id","cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "themes_name_uq" ON "themes" USING btree ("region_id","cycle_id","name");
CREATE TABLE "calendar_days" (
	"region_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_region_id_date_kind_pk" PRIMARY KEY("region_id","date","kind")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "milestone_progress" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_key" text NOT NULL,
	"done_on" date NOT NULL,
	"note" text,
	"late_working_days" integer NOT NULL,
	"marked_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_progress_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "period_closures" (
	"region_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	CONSTRAINT "period_closures_region_id_period_key_pk" PRIMARY KEY("region_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "realizations" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"period_key" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision,
	"note" text,
	"breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"late_working_days" integer,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"return_reason" text,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "realizations_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_progress" ADD CONSTRAINT "milestone_progress_milestone_fk" FOREIGN KEY ("region_id","contract_id","milestone_key") REFERENCES "public"."contract_milestones"("region_id","contract_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_progress" ADD CONSTRAINT "milestone_progress_contract_fk" FOREIGN KEY ("region_id","contract_id") REFERENCES "public"."contracts"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_closures" ADD CONSTRAINT "period_closures_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realizations" ADD CONSTRAINT "realizations_indicator_fk" FOREIGN KEY ("region_id","contract_id","indicator_key") REFERENCES "public"."contract_indicators"("region_id","contract_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_owner_idx" ON "evidence_files" USING btree ("region_id","owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_progress_uq" ON "milestone_progress" USING btree ("region_id","contract_id","milestone_key");--> statement-breakpoint
CREATE UNIQUE INDEX "realizations_period_uq" ON "realizations" USING btree ("region_id","contract_id","indicator_key","period_key");--> statement-breakpoint
CREATE INDEX "realizations_status_idx" ON "realizations" USING btree ("region_id","status","year");
CREATE TABLE "case_events" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_type" text NOT NULL,
	"case_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "discipline_rules" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"rule_version" integer NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"condition" jsonb NOT NULL,
	"consequence" jsonb NOT NULL,
	"escalation" jsonb,
	"valid_from" date,
	"valid_until" date,
	"retired" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "discipline_rules_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_key" text NOT NULL,
	"as_of" date NOT NULL,
	"rules" jsonb NOT NULL,
	"hits" integer NOT NULL,
	"sanctions_created" integer NOT NULL,
	"rewards_created" integer NOT NULL,
	"trigger" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_runs_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "rewards" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_code" text NOT NULL,
	"rule_version" integer NOT NULL,
	"rule_name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"hit_key" text NOT NULL,
	"period_key" text NOT NULL,
	"hit_on" date NOT NULL,
	"subject_kind" text NOT NULL,
	"work_unit_id" uuid NOT NULL,
	"civil_servant_id" uuid,
	"subject_user_id" uuid,
	"subject_name" text NOT NULL,
	"facts" jsonb NOT NULL,
	"summary" text NOT NULL,
	"state" text NOT NULL,
	"proposed_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"close_reason" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"certificate_text" text NOT NULL,
	"certificate_number" text,
	"granted_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rewards_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "sanction_days" (
	"region_id" uuid NOT NULL,
	"sanction_id" uuid NOT NULL,
	"day" date NOT NULL,
	"vest_issued_at" timestamp with time zone,
	"vest_returned_at" timestamp with time zone,
	"served" boolean,
	"note" text,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sanction_days_region_id_sanction_id_day_pk" PRIMARY KEY("region_id","sanction_id","day")
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_code" text NOT NULL,
	"rule_version" integer NOT NULL,
	"rule_name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"hit_key" text NOT NULL,
	"period_key" text NOT NULL,
	"hit_on" date NOT NULL,
	"subject_kind" text NOT NULL,
	"work_unit_id" uuid NOT NULL,
	"civil_servant_id" uuid,
	"subject_user_id" uuid,
	"subject_name" text NOT NULL,
	"facts" jsonb NOT NULL,
	"summary" text NOT NULL,
	"state" text NOT NULL,
	"proposed_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"close_reason" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"label" text NOT NULL,
	"base_working_days" integer NOT NULL,
	"working_days" integer NOT NULL,
	"repeat_of" uuid,
	"decree_number" text,
	"notified_on" date,
	"appeal_deadline" date,
	"appeal_reason" text,
	"appealed_at" timestamp with time zone,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_on" date,
	"starts_on" date,
	"ends_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sanctions_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_rules" ADD CONSTRAINT "discipline_rules_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD CONSTRAINT "evaluation_runs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanction_days" ADD CONSTRAINT "sanction_days_sanction_fk" FOREIGN KEY ("region_id","sanction_id") REFERENCES "public"."sanctions"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("region_id","case_type","case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "discipline_rules_version_uq" ON "discipline_rules" USING btree ("region_id","code","rule_version");--> statement-breakpoint
CREATE UNIQUE INDEX "discipline_rules_current_uq" ON "discipline_rules" USING btree ("region_id","code") WHERE "discipline_rules"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "evaluation_runs_period_idx" ON "evaluation_runs" USING btree ("region_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "rewards_hit_uq" ON "rewards" USING btree ("region_id","hit_key");--> statement-breakpoint
CREATE UNIQUE INDEX "rewards_certificate_uq" ON "rewards" USING btree ("region_id","certificate_number");--> statement-breakpoint
CREATE INDEX "rewards_state_idx" ON "rewards" USING btree ("region_id","state");--> statement-breakpoint
CREATE INDEX "rewards_unit_idx" ON "rewards" USING btree ("region_id","work_unit_id");--> statement-breakpoint
CREATE INDEX "sanction_days_day_idx" ON "sanction_days" USING btree ("region_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "sanctions_hit_uq" ON "sanctions" USING btree ("region_id","hit_key");--> statement-breakpoint
CREATE UNIQUE INDEX "sanctions_decree_uq" ON "sanctions" USING btree ("region_id","decree_number");--> statement-breakpoint
CREATE INDEX "sanctions_state_idx" ON "sanctions" USING btree ("region_id","state");--> statement-breakpoint
CREATE INDEX "sanctions_unit_idx" ON "sanctions" USING btree ("region_id","work_unit_id");--> statement-breakpoint
CREATE INDEX "sanctions_servant_idx" ON "sanctions" USING btree ("region_id","civil_servant_id");--> statement-breakpoint
CREATE INDEX "sanctions_subject_user_idx" ON "sanctions" USING btree ("region_id","subject_user_id");
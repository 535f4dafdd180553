CREATE TABLE "contract_amendments" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"base_version" integer NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_amendments_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "contract_indicators" (
	"region_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"polarity" text NOT NULL,
	"aggregation" text NOT NULL,
	"frequency" text NOT NULL,
	"weight" double precision NOT NULL,
	"baseline_value" double precision,
	"baseline_year" integer,
	"baseline_source" text NOT NULL,
	CONSTRAINT "contract_indicators_region_id_contract_id_key_pk" PRIMARY KEY("region_id","contract_id","key")
);
--> statement-breakpoint
CREATE TABLE "contract_milestones" (
	"region_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	CONSTRAINT "contract_milestones_region_id_contract_id_key_pk" PRIMARY KEY("region_id","contract_id","key")
);
--> statement-breakpoint
CREATE TABLE "contract_targets" (
	"region_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision,
	"lower" double precision,
	"upper" double precision,
	CONSTRAINT "contract_targets_region_id_contract_id_indicator_key_year_pk" PRIMARY KEY("region_id","contract_id","indicator_key","year")
);
--> statement-breakpoint
CREATE TABLE "contract_versions" (
	"region_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"terms" jsonb NOT NULL,
	"amendment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_versions_region_id_contract_id_version_pk" PRIMARY KEY("region_id","contract_id","version")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"pact_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"work_unit_id" uuid NOT NULL,
	"theme_id" uuid,
	"title" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "negotiation_answers" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"side" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "negotiation_answers_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "negotiation_rounds" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"side" text NOT NULL,
	"targets" jsonb NOT NULL,
	"milestone_deadlines" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "negotiation_rounds_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "pacts" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"work_unit_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"verification_code" text NOT NULL,
	"outcome" text NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"opd_head_signed_at" timestamp with time zone,
	"opd_head_signed_by" uuid,
	"head_of_region_signed_at" timestamp with time zone,
	"head_of_region_signed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pacts_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "contract_amendments" ADD CONSTRAINT "contract_amendments_contract_fk" FOREIGN KEY ("region_id","contract_id") REFERENCES "public"."contracts"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_indicators" ADD CONSTRAINT "contract_indicators_contract_fk" FOREIGN KEY ("region_id","contract_id") REFERENCES "public"."contracts"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_milestones" ADD CONSTRAINT "contract_milestones_contract_fk" FOREIGN KEY ("region_id","contract_id") REFERENCES "public"."contracts"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_targets" ADD CONSTRAINT "contract_targets_indicator_fk" FOREIGN KEY ("region_id","contract_id","indicator_key") REFERENCES "public"."contract_indicators"("region_id","contract_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_contract_fk" FOREIGN KEY ("region_id","contract_id") REFERENCES "public"."contracts"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_pact_fk" FOREIGN KEY ("region_id","pact_id") REFERENCES "public"."pacts"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_unit_fk" FOREIGN KEY ("region_id","work_unit_id") REFERENCES "public"."work_units"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negotiation_answers" ADD CONSTRAINT "negotiation_answers_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negotiation_rounds" ADD CONSTRAINT "negotiation_rounds_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negotiation_rounds" ADD CONSTRAINT "negotiation_rounds_user_fk" FOREIGN KEY ("region_id","created_by") REFERENCES "public"."users"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pacts" ADD CONSTRAINT "pacts_proposal_fk" FOREIGN KEY ("region_id","proposal_id") REFERENCES "public"."proposals"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pacts" ADD CONSTRAINT "pacts_cycle_fk" FOREIGN KEY ("region_id","cycle_id") REFERENCES "public"."cycles"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pacts" ADD CONSTRAINT "pacts_unit_fk" FOREIGN KEY ("region_id","work_unit_id") REFERENCES "public"."work_units"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_amendments_contract_idx" ON "contract_amendments" USING btree ("region_id","contract_id");--> statement-breakpoint
CREATE INDEX "contract_milestones_due_idx" ON "contract_milestones" USING btree ("region_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_proposal_uq" ON "contracts" USING btree ("region_id","proposal_id");--> statement-breakpoint
CREATE INDEX "contracts_unit_idx" ON "contracts" USING btree ("region_id","work_unit_id");--> statement-breakpoint
CREATE INDEX "contracts_cycle_idx" ON "contracts" USING btree ("region_id","cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "negotiation_answers_proposal_uq" ON "negotiation_answers" USING btree ("region_id","proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "negotiation_rounds_round_uq" ON "negotiation_rounds" USING btree ("region_id","proposal_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "pacts_proposal_uq" ON "pacts" USING btree ("region_id","proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pacts_number_uq" ON "pacts" USING btree ("region_id","cycle_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "pacts_code_uq" ON "pacts" USING btree ("verification_code");--> statement-breakpoint
-- Negotiation rounds, closing answers and contract versions are kept as written: every round is
-- immutable (issue: "every round is kept, immutable"), as is every signed or amended version.
CREATE OR REPLACE FUNCTION agreements_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER negotiation_rounds_append_only BEFORE UPDATE OR DELETE ON negotiation_rounds
  FOR EACH ROW EXECUTE FUNCTION agreements_refuse_change();
--> statement-breakpoint
CREATE TRIGGER negotiation_answers_append_only BEFORE UPDATE OR DELETE ON negotiation_answers
  FOR EACH ROW EXECUTE FUNCTION agreements_refuse_change();
--> statement-breakpoint
CREATE TRIGGER contract_versions_append_only BEFORE UPDATE OR DELETE ON contract_versions
  FOR EACH ROW EXECUTE FUNCTION agreements_refuse_change();

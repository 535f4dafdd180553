CREATE TABLE "attendance_excuses" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"civil_servant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_excuses_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "attendance_imports" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"device" text,
	"mapping" jsonb,
	"status" text NOT NULL,
	"rows_read" integer NOT NULL,
	"punches_read" integer NOT NULL,
	"punches_added" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"date_from" date,
	"date_to" date,
	"failure_message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "attendance_imports_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "attendance_punches" (
	"region_id" uuid NOT NULL,
	"civil_servant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"local_time" time NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"device" text,
	"import_id" uuid NOT NULL,
	CONSTRAINT "attendance_punches_region_id_civil_servant_id_day_local_time_pk" PRIMARY KEY("region_id","civil_servant_id","day","local_time")
);
--> statement-breakpoint
CREATE TABLE "device_pins" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"device" text DEFAULT '' NOT NULL,
	"pin" text NOT NULL,
	"civil_servant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_pins_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "work_schedules" (
	"region_id" uuid NOT NULL,
	"schedules" jsonb NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_schedules_region_id_pk" PRIMARY KEY("region_id")
);
--> statement-breakpoint
ALTER TABLE "attendance_excuses" ADD CONSTRAINT "attendance_excuses_civil_servant_fk" FOREIGN KEY ("region_id","civil_servant_id") REFERENCES "public"."civil_servants"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_pins" ADD CONSTRAINT "device_pins_civil_servant_fk" FOREIGN KEY ("region_id","civil_servant_id") REFERENCES "public"."civil_servants"("region_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_schedules" ADD CONSTRAINT "work_schedules_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_excuses_civil_servant_idx" ON "attendance_excuses" USING btree ("region_id","civil_servant_id","start_date");--> statement-breakpoint
CREATE INDEX "attendance_imports_created_idx" ON "attendance_imports" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_imports_file_uq" ON "attendance_imports" USING btree ("region_id","file_sha256") WHERE status <> 'failed' and problem_count = 0;--> statement-breakpoint
CREATE UNIQUE INDEX "device_pins_pin_uq" ON "device_pins" USING btree ("region_id","device","pin");--> statement-breakpoint
CREATE INDEX "device_pins_civil_servant_idx" ON "device_pins" USING btree ("region_id","civil_servant_id");
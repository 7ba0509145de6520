CREATE TABLE "account_exits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"master_id" uuid NOT NULL,
	"account_email" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"cooldown_ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"master_id" uuid NOT NULL,
	"account_email" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_email" text NOT NULL,
	"body" text NOT NULL,
	"ok_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"refresh_id" uuid NOT NULL,
	"master_id" uuid NOT NULL,
	"account_email" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"data_at" timestamp with time zone NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"error" text,
	"mode" text NOT NULL,
	"margin_level" text,
	"rule" text NOT NULL,
	"status" text NOT NULL,
	"input" jsonb NOT NULL,
	"risk" jsonb NOT NULL,
	"keys" jsonb NOT NULL,
	"raw" jsonb
);
--> statement-breakpoint
CREATE TABLE "refresh_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"master_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"triggered_by" text,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accounts_total" integer DEFAULT 0 NOT NULL,
	"accounts_done" integer DEFAULT 0 NOT NULL,
	"current_step" text,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stats" jsonb,
	"master_risk" jsonb
);
--> statement-breakpoint
CREATE TABLE "special_key_sightings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"master_id" uuid NOT NULL,
	"account_email" text NOT NULL,
	"api_key" text NOT NULL,
	"name" text,
	"symbol" text,
	"permission_mode" text,
	"ip" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "account_exits_account_idx" ON "account_exits" USING btree ("master_id","account_email");--> statement-breakpoint
CREATE INDEX "account_notes_account_idx" ON "account_notes" USING btree ("master_id","account_email");--> statement-breakpoint
CREATE INDEX "account_snapshots_refresh_idx" ON "account_snapshots" USING btree ("refresh_id");--> statement-breakpoint
CREATE INDEX "account_snapshots_account_idx" ON "account_snapshots" USING btree ("master_id","account_email","taken_at");--> statement-breakpoint
CREATE INDEX "refresh_runs_master_idx" ON "refresh_runs" USING btree ("master_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "refresh_runs_one_running_idx" ON "refresh_runs" USING btree ("master_id") WHERE status = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "special_key_sightings_key_idx" ON "special_key_sightings" USING btree ("master_id","account_email","api_key");
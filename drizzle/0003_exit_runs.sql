CREATE TABLE "exit_run_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"account_email" text NOT NULL,
	"stage" text NOT NULL,
	"reason" text,
	"confirmed_at" timestamp with time zone,
	"cooldown_ends_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_run_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"account_email" text NOT NULL,
	"api_key" text NOT NULL,
	"api_name" text,
	"symbol" text,
	"status" text NOT NULL,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"master_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_by_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "exit_run_accounts_account_idx" ON "exit_run_accounts" USING btree ("run_id","account_email");--> statement-breakpoint
CREATE UNIQUE INDEX "exit_run_keys_key_idx" ON "exit_run_keys" USING btree ("run_id","account_email","api_key");--> statement-breakpoint
CREATE INDEX "exit_runs_master_idx" ON "exit_runs" USING btree ("master_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exit_runs_one_active_idx" ON "exit_runs" USING btree ("master_id") WHERE finished_at is null;
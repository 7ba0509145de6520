CREATE TABLE "live_points" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"master_id" uuid NOT NULL,
	"account_email" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"status_source" text NOT NULL,
	"margin_level" text,
	"equity_usd" text NOT NULL,
	"liabilities_usd" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "live_points_account_idx" ON "live_points" USING btree ("master_id","account_email","at");
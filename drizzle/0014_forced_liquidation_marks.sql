CREATE TABLE "forced_liquidation_marks" (
	"master_id" uuid NOT NULL,
	"account_email" text NOT NULL,
	"seen_until" bigint NOT NULL,
	"seen_ids" jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "forced_liquidation_marks_idx" ON "forced_liquidation_marks" USING btree ("master_id","account_email");
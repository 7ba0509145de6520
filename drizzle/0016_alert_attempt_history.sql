ALTER TABLE "alert_attempts" ALTER COLUMN "delivery_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_attempts" ADD COLUMN "channel_id" uuid;--> statement-breakpoint
ALTER TABLE "alert_attempts" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "alert_attempts_channel_idx" ON "alert_attempts" USING btree ("channel_id","at");--> statement-breakpoint
-- Attempts recorded before carry their channel through their delivery.
UPDATE "alert_attempts" SET "channel_id" = "alert_deliveries"."channel_id" FROM "alert_deliveries" WHERE "alert_deliveries"."id" = "alert_attempts"."delivery_id";

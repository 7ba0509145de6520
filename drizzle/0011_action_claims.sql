CREATE TABLE "action_claims" (
	"scope" text PRIMARY KEY NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "action_claims_expires_idx" ON "action_claims" USING btree ("expires_at");
CREATE TABLE "sub_account_key_lists" (
	"master_id" uuid NOT NULL,
	"account_email" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	"keys" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "terms_records" (
	"master_id" uuid PRIMARY KEY NOT NULL,
	"signed_on" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "special_key_sightings" ADD COLUMN "changed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "sub_account_key_lists_account_idx" ON "sub_account_key_lists" USING btree ("master_id","account_email");--> statement-breakpoint
CREATE UNIQUE INDEX "connections_api_key_idx" ON "connections" USING btree ("api_key");
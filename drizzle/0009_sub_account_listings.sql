CREATE TABLE "sub_account_listings" (
	"master_id" uuid PRIMARY KEY NOT NULL,
	"listed_at" timestamp with time zone NOT NULL,
	"sub_accounts" jsonb NOT NULL
);

CREATE TABLE "alert_state_versions" (
	"master_id" uuid PRIMARY KEY NOT NULL,
	"token" uuid NOT NULL
);
--> statement-breakpoint
-- Every master already holding open alerts gets a token, so "no token" keeps meaning "no states stored".
INSERT INTO "alert_state_versions" ("master_id", "token") SELECT "master_id", gen_random_uuid() FROM (SELECT DISTINCT "master_id" FROM "alert_states") AS "holders";

-- The margin level is kept once, in the snapshot's risk figures (risk.marginLevel). A row whose risk lacks it
-- (or disagrees) takes the column's value first, so dropping the column loses no reading.
UPDATE "account_snapshots" SET "risk" = jsonb_set("risk", '{marginLevel}', to_jsonb("margin_level"), true) WHERE "margin_level" IS NOT NULL AND ("risk"->>'marginLevel') IS DISTINCT FROM "margin_level";--> statement-breakpoint
ALTER TABLE "account_snapshots" DROP COLUMN "margin_level";

// The JSON contract of named scenarios (issue 18; docs/scenarios.md): per-asset shocks an owner saves under a
// name, what one gives per account and for the master, and the exchange's worst moves that can fill one in.
import Decimal from 'decimal.js';
import { z } from 'zod';
import type { AssetShocks, MasterScenarioResult } from '@/lib/scenarios/per-asset';

export const SCENARIO_NAME_MAX_LENGTH = 60;
export const SCENARIO_MAX_ASSETS = 50;
/** A price cannot fall by 100 % or more; a rise past +1,000 % is a typo, not a scenario. */
export const SHOCK_PERCENT_MIN = -100;
export const SHOCK_PERCENT_MAX = 1000;

const PERCENT = /^[-+]?\d{1,4}(?:\.\d{1,2})?$/;
const ASSET = /^[A-Z0-9]{2,20}$/;

// One check that stops at the first failure: the range checks never see text that is not a number.
const percent = z
  .string({ error: 'a shock is a percentage as text, e.g. "-30"' })
  .trim()
  .superRefine((s, ctx) => {
    if (!PERCENT.test(s)) ctx.addIssue({ code: 'custom', message: `“${s.slice(0, 20)}” is not a percentage with at most two decimals, e.g. "-30" or "12.5"` });
    else if (!new Decimal(s).gt(SHOCK_PERCENT_MIN)) ctx.addIssue({ code: 'custom', message: `a shock must be above ${SHOCK_PERCENT_MIN} % (a price cannot fall to zero)` });
    else if (new Decimal(s).gt(SHOCK_PERCENT_MAX)) ctx.addIssue({ code: 'custom', message: `a shock is at most +${SHOCK_PERCENT_MAX} %` });
  })
  .transform((s) => new Decimal(s).toFixed());

export const assetShocksSchema = z.object({
  byAsset: z
    .record(z.string(), percent)
    .superRefine((r, ctx) => {
      const bad = Object.keys(r).filter((k) => !ASSET.test(k));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `${bad.map((k) => `“${k.slice(0, 20)}”`).join(', ')}: not an asset symbol such as ETH (upper case letters and digits)` });
      if (Object.keys(r).length > SCENARIO_MAX_ASSETS) ctx.addIssue({ code: 'custom', message: `at most ${SCENARIO_MAX_ASSETS} named assets` });
    })
    .default({}),
  alts: percent,
  stables: percent,
}) satisfies z.ZodType<AssetShocks, unknown>;

export const scenarioNameSchema = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, 'A scenario needs a name.')
  .max(SCENARIO_NAME_MAX_LENGTH, `A scenario name is at most ${SCENARIO_NAME_MAX_LENGTH} characters.`)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'A scenario name is one line of text, without control characters.');

/** POST /api/scenarios: save (or replace, by name) a named scenario. */
export const saveScenarioSchema = z.object({ name: scenarioNameSchema, shocks: assetShocksSchema });
export type SaveScenarioInput = z.infer<typeof saveScenarioSchema>;

/** POST /api/scenarios/run: what a scenario gives now, saved or not; writes nothing. */
export const runScenarioSchema = z.object({ shocks: assetShocksSchema });

/** POST /api/scenarios/worst-moves: the window of past klines to read. */
export const WORST_MOVE_WINDOWS = ['1d', '7d', '30d'] as const;
export const worstMovesSchema = z.object({ window: z.enum(WORST_MOVE_WINDOWS, 'window is one of 1d, 7d, 30d') });

export const scenarioParamsSchema = z.object({ id: z.uuid('not a scenario id') });

export type SavedScenario = { id: string; name: string; shocks: AssetShocks; savedBy: string; savedAt: string };
export type ScenarioList = { scenarios: SavedScenario[]; assets: string[] };

/** What a scenario gives on the shown refresh's snapshots, with the data's age (an estimate, as every stress figure). */
export type ScenarioRun = MasterScenarioResult & { refreshedAt: string | null; labels: Record<string, string> };

export type WorstMoves = {
  window: (typeof WORST_MOVE_WINDOWS)[number];
  /** Percent per asset, e.g. { BTC: '-12.41' }: the deepest fall from the window's first open to a low. */
  falls: Record<string, string>;
  /** Assets held or owed with no USDT pair on the exchange: they take the scenario's alts shock. */
  withoutMarket: string[];
  readAt: string;
};

export const SCENARIOS_API_PATH = '/api/scenarios';
export const SCENARIO_RUN_API_PATH = '/api/scenarios/run';
export const WORST_MOVES_API_PATH = '/api/scenarios/worst-moves';
export const scenarioApiPath = (id: string) => `/api/scenarios/${encodeURIComponent(id)}`;
export const SCENARIOS_QUERY_KEY = ['scenarios'] as const;

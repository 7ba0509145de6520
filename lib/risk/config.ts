import { z } from 'zod';

/**
 * Every (choice) of docs/domain.md#exposure the engine depends on, in one named place so it can be changed.
 */
export type RiskConfig = {
  /** Assets whose USD price stays put under a shock (docs/domain.md#exposure choice: the stable list is configuration). */
  stableAssets: readonly string[];
  /** Liquidation cost f in D(s) = max(0, L(s) − A(s)·(1−f)); docs/domain.md#exposure default 1 %. */
  liquidationCost: number;
  /** Shock grid s, each in (−1, +∞): every volatile price moves by (1+s). */
  shocks: readonly number[];
  /** PM Pro uniMMR tiers (docs/domain.md#exposure), decimal strings compared exactly. */
  pmProTiers: { reduceOnly: string; liquidation: string; claim: string };
};

/** Inclusive grid from `min` to `max`; rounded so −0.60 + 24·0.05 is exactly 0.6, not 0.6000000000000001. */
export function shockGrid(min: number, max: number, step: number): number[] {
  if (!(step > 0) || max < min) throw new RangeError(`bad shock grid ${min}..${max} step ${step}`);
  const n = Math.floor((max - min) / step + 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Math.round((min + i * step) * 1e9) / 1e9);
}

export const DEFAULT_STABLE_ASSETS = ['USDT', 'USDC', 'FDUSD', 'DAI', 'TUSD', 'USDP', 'BUSD', 'USD1'] as const;

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  stableAssets: DEFAULT_STABLE_ASSETS,
  liquidationCost: 0.01,
  shocks: shockGrid(-0.6, 0.6, 0.05),
  pmProTiers: { reduceOnly: '1.20', liquidation: '1.05', claim: '1.00' },
};

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string');

/** Validates settings an owner edits (e.g. from the settings page) before they reach the engine. */
export const riskConfigSchema = z.object({
  stableAssets: z.array(z.string().min(1)).min(1),
  liquidationCost: z.number().min(0).lt(1),
  shocks: z.array(z.number().gt(-1)).min(1),
  pmProTiers: z.object({ reduceOnly: decimalString, liquidation: decimalString, claim: decimalString }),
});

/** Defaults overridden by whatever part of the settings is given, validated. */
export function makeRiskConfig(overrides: Partial<RiskConfig> = {}): RiskConfig {
  return riskConfigSchema.parse({ ...DEFAULT_RISK_CONFIG, ...overrides });
}

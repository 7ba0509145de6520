/** The pure risk engine (issue 6, DESIGN §1.2–1.3): no I/O, JSON-serializable results. */
export { evaluateAccount } from './evaluate';
export { aggregateMaster, distanceToLiquidation, ShockGridMismatchError, type AggregateOptions } from './aggregate';
export { applicability, ISOLATED_PAIR } from './applicability';
export { DEFAULT_RISK_CONFIG, DEFAULT_STABLE_ASSETS, makeRiskConfig, riskConfigSchema, shockGrid, type RiskConfig } from './config';
export type * from './result-types';
export type * from './types';

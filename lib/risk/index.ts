/** The pure risk engine (issue 6, docs/domain.md#liquidationloan and #exposure): no I/O, JSON-serializable results. */
export { evaluateAccount } from './evaluate';
export { aggregateMaster, distanceToLiquidation, ShockGridMismatchError, type AggregateOptions } from './aggregate';
export { applicability, ISOLATED_PAIR, READ_ONLY_KEY_REASON } from './applicability';
export { DEFAULT_RISK_CONFIG, DEFAULT_STABLE_ASSETS, makeRiskConfig, riskConfigSchema, shockGrid, type RiskConfig } from './config';
export type * from './result-types';
export type * from './types';
export { isNearLiquidation, NEAR_LIQUIDATION_DISTANCE, owedFigure, projectedOutcome, type Projection } from './projection';
export { ACCOUNT_STATUSES, STATUS_LABEL, decideStatus, fromExchangeStatus, severity, statusLabel, worseOf, worsens, type StatusFacts, type StatusTone, type StatusVerdict } from './status';
export { BOUND_NOTE, boundMark, deficitBound, type DeficitBound } from './incomplete';
export { RECONCILE_TOLERANCE, reconcile, type Reconciliation } from './reconcile';

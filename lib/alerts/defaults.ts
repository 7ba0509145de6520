import type { AlertRule } from './types';

const all = { kind: 'all' } as const;

/**
 * The rules every desk has before anyone configures anything (issue 16). Each is a (choice), named here so
 * it can be changed; an owner may edit or disable any of them on the settings page.
 */
export const DEFAULT_RULES: readonly AlertRule[] = [
  // Every step Binance reports (margin call → reduce-only → liquidation → claim) is news.
  { id: 'default-status', kind: 'status_worsens', enabled: true, threshold: 'MARGIN_CALL', rearmMargin: '0', escalationStep: '1', shockPercent: null, scope: all },
  // Within a 10 % move of liquidation; again at 5 % and 0 %; re-armed once back beyond 12 %.
  { id: 'default-distance', kind: 'liquidation_distance', enabled: true, threshold: '10', rearmMargin: '2', escalationStep: '5', shockPercent: null, scope: all },
  // A −30 % gap would leave the account owing a LiquidationLoan over 10,000 USD; again per further 50,000.
  { id: 'default-projected', kind: 'projected_loan', enabled: true, threshold: '10000', rearmMargin: '1000', escalationStep: '50000', shockPercent: '-30', scope: all },
  { id: 'default-projected-total', kind: 'projected_loan_total', enabled: true, threshold: '100000', rearmMargin: '10000', escalationStep: '250000', shockPercent: '-30', scope: all },
  // Any outstanding loan: it appeared (a forced liquidation left a deficit); again per further 1,000 USD.
  { id: 'default-loan', kind: 'loan_outstanding', enabled: true, threshold: '0', rearmMargin: '0', escalationStep: '1000', shockPercent: null, scope: all },
  // Every forced-liquidation order Binance placed, once each, with its figures.
  { id: 'default-forced', kind: 'forced_liquidation', enabled: true, threshold: '1', rearmMargin: '0', escalationStep: null, shockPercent: null, scope: all },
  { id: 'default-bound', kind: 'became_bound', enabled: true, threshold: '1', rearmMargin: '0', escalationStep: null, shockPercent: null, scope: all },
  { id: 'default-keys', kind: 'keys_near_limit', enabled: true, threshold: '27', rearmMargin: '1', escalationStep: '3', shockPercent: null, scope: all },
  { id: 'default-idle', kind: 'idle_special_key', enabled: true, threshold: '1', rearmMargin: '0', escalationStep: null, shockPercent: null, scope: all },
  // Someone created or deleted a special key on Binance directly (or with another tool): every such change, once.
  { id: 'default-outside-key', kind: 'special_key_outside', enabled: true, threshold: '1', rearmMargin: '0', escalationStep: null, shockPercent: null, scope: all },
  { id: 'default-stale', kind: 'data_stale', enabled: true, threshold: '15', rearmMargin: '0', escalationStep: null, shockPercent: null, scope: all },
  { id: 'default-refresh', kind: 'refresh_failing', enabled: true, threshold: '15', rearmMargin: '0', escalationStep: null, shockPercent: null, scope: all },
  { id: 'default-exit', kind: 'exit_half_done', enabled: true, threshold: '60', rearmMargin: '0', escalationStep: null, shockPercent: null, scope: all },
];

/** The effective rules: defaults, replaced by any saved rule with the same id, then the owner's own rules. */
export function effectiveRules(saved: readonly AlertRule[]): AlertRule[] {
  const byId = new Map(saved.map((r) => [r.id, r]));
  return [...DEFAULT_RULES.map((d) => byId.get(d.id) ?? d), ...saved.filter((r) => !DEFAULT_RULES.some((d) => d.id === r.id))];
}

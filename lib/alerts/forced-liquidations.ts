import type { ForceLiquidation } from '@/lib/snapshot/normalize';
import { alertTitle } from './describe';
import { inScope } from './scope';
import type { AccountFacts, AlertEvent, AlertRule } from './types';

/** What the refreshes have seen of an account's forced-liquidation record: the newest time, and the orders at it. */
export type ForcedMark = { seenUntil: number; seenIds: readonly string[] };

/**
 * The orders in a fresh read of the record that no earlier read had seen, and the mark to keep. The first read
 * of an account only sets the mark: its history is not news (docs/alerts.md#forced-liquidations). Orders at
 * the mark's own time are told apart by id: one liquidation places several orders in the same millisecond.
 */
export function newForcedLiquidations(rows: readonly ForceLiquidation[], mark: ForcedMark | null): { fresh: ForceLiquidation[]; mark: ForcedMark } {
  // Every refresh reads every account's record and nearly all are unchanged: answer the mark itself.
  if (mark && rows.every((r) => r.updatedTime < mark.seenUntil || (r.updatedTime === mark.seenUntil && mark.seenIds.includes(r.orderId)))) return { fresh: [], mark };
  const fresh = mark ? rows.filter((r) => r.updatedTime > mark.seenUntil || (r.updatedTime === mark.seenUntil && !mark.seenIds.includes(r.orderId))) : [];
  const newest = Math.max(mark?.seenUntil ?? 0, ...rows.map((r) => r.updatedTime));
  const atNewest = new Set([...(mark && mark.seenUntil === newest ? mark.seenIds : []), ...rows.filter((r) => r.updatedTime === newest).map((r) => r.orderId)]);
  return { fresh, mark: { seenUntil: newest, seenIds: [...atNewest].sort() } };
}

/** One alert per new order, with the order's figures: a fact, so no hysteresis and no state. */
export function forcedLiquidationEvents(rule: AlertRule, accounts: readonly AccountFacts[]): AlertEvent[] {
  const events: AlertEvent[] = [];
  for (const account of accounts) {
    if (!account.forcedLiquidations?.length || !inScope(rule.scope, account)) continue;
    for (const r of account.forcedLiquidations) {
      const title = `${alertTitle(rule, account.email, r.updatedTime, 'fire')}: ${r.side} ${r.executedQty} ${r.symbol} at ${r.avgPrice}${r.isIsolated ? ' (isolated)' : ''}`;
      events.push({
        ruleId: rule.id, kind: rule.kind, email: account.email, transition: 'fire', level: 0, value: r.updatedTime, title,
        figures: { orderId: r.orderId, symbol: r.symbol, side: r.side, executedQty: r.executedQty, avgPrice: r.avgPrice, isolated: r.isIsolated ? 'yes' : 'no', at: new Date(r.updatedTime).toISOString(), status: account.status },
      });
    }
  }
  return events;
}

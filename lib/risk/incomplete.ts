import { dec } from './decimal';
import type { UnpricedAsset } from './types';

/**
 * How a projected deficit computed without the unpriced assets relates to the true one (docs/domain.md#status,
 * "unknown is never zero"). D(s) = max(0, L(s) − A(s)·(1−f)): an unpriced asset held would only add to A, so the
 * figure is an upper bound; an unpriced borrowing would only add to L, so it is a lower bound; both, unknown.
 */
export type DeficitBound = 'AT_MOST' | 'AT_LEAST' | 'UNKNOWN';

export function deficitBound(unpriced: readonly UnpricedAsset[] | undefined): DeficitBound | null {
  if (!unpriced?.length) return null;
  const held = unpriced.some((u) => !dec(u.held).isZero());
  const owed = unpriced.some((u) => !dec(u.owed).isZero());
  if (held && owed) return 'UNKNOWN';
  return owed ? 'AT_LEAST' : 'AT_MOST';
}

/** The mark a projected figure carries: "≤" an upper bound, "≥" a lower bound, "?" unknown; none when exact. */
export function boundMark(bound: DeficitBound | null | undefined): string {
  return bound === 'AT_MOST' ? '≤ ' : bound === 'AT_LEAST' ? '≥ ' : bound === 'UNKNOWN' ? '? ' : '';
}

export const BOUND_NOTE: Record<DeficitBound, string> = {
  AT_MOST: 'at most: an asset held has no price and is left out, so the true deficit is no larger',
  AT_LEAST: 'at least: an asset owed has no price and is left out, so the true deficit is no smaller',
  UNKNOWN: 'unknown: assets held and owed have no price, so the true deficit may be larger or smaller',
};

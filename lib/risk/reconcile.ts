import { dec, type Dec } from './decimal';

/**
 * (choice) How far our recomputed margin level may drift from Binance's reported one before both are shown and
 * the row is flagged "our estimate differs from Binance's": 0.5 % of the reported level (docs/domain.md#reconciliation).
 */
export const RECONCILE_TOLERANCE = '0.005';

/** Binance reports this level when there is no debt; it is never a level to anchor to. */
const NO_DEBT_SENTINEL = dec('999');
const DECIMAL = /^\d+(\.\d+)?$/;

export type Reconciliation = {
  /** Binance's `marginLevel`: the authority for the status. */
  reported: string;
  /** Ours, Σa·p / Σl·p from balances × last prices: drives the stress figures. */
  computed: string;
  /** |computed − reported| / reported. */
  divergence: string;
  tolerance: string;
  /** Beyond the tolerance: both figures are shown and the row is flagged. */
  diverges: boolean;
  /** The liquidation bar our curve is solved against so that at s = 0 it agrees with Binance (bar · ours / reported). */
  anchoredBar: string | null;
};

/**
 * Reconciles our margin level with Binance's each refresh (docs/domain.md#reconciliation). Binance liquidates on its
 * own figure (index prices); ours uses last prices. Scaling our level by reported/ours makes the two agree at
 * s = 0 while the shape under stress stays ours; solving ours against bar·ours/reported is the same, in closed form.
 */
export function reconcile(computed: Dec | null, reported: string | null | undefined, bar: string | null): Reconciliation | null {
  if (computed === null || !reported || !DECIMAL.test(reported)) return null;
  const r = dec(reported);
  if (r.isZero() || r.gte(NO_DEBT_SENTINEL)) return null;
  const divergence = computed.minus(r).abs().div(r);
  return {
    reported,
    computed: computed.toSignificantDigits(20).toFixed(),
    divergence: divergence.toSignificantDigits(6).toFixed(),
    tolerance: RECONCILE_TOLERANCE,
    diverges: divergence.gt(dec(RECONCILE_TOLERANCE)),
    anchoredBar: bar === null ? null : dec(bar).times(computed).div(r).toSignificantDigits(30).toFixed(),
  };
}

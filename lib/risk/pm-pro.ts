import type { RiskConfig } from './config';
import { dec, type Dec } from './decimal';
import type { PmProRisk, PmProTier } from './result-types';
import type { PmProInput } from './types';

/**
 * PM Pro tier from uniMMR = accountEquity / accountMaintMargin (docs/domain.md#exposure): ≤ claim tier Binance may
 * claim the loss, ≤ liquidation tier liquidation, ≤ reduce-only tier reduce-only. Compared as
 * equity ≤ tier·MM so a rounded quotient never decides a boundary.
 */
export function pmProTier(equity: Dec, maintMargin: Dec, tiers: RiskConfig['pmProTiers']): PmProTier {
  if (maintMargin.lte(0)) return 'NO_DEBT';
  if (equity.lte(maintMargin.times(dec(tiers.claim)))) return 'CLAIM';
  if (equity.lte(maintMargin.times(dec(tiers.liquidation)))) return 'LIQUIDATION';
  if (equity.lte(maintMargin.times(dec(tiers.reduceOnly)))) return 'REDUCE_ONLY';
  return 'NORMAL';
}

export function pmProRisk(pm: PmProInput, tiers: RiskConfig['pmProTiers']): PmProRisk {
  const equity = dec(pm.accountEquity);
  const maint = dec(pm.accountMaintMargin);
  return {
    uniMMR: maint.lte(0) ? null : equity.div(maint).toSignificantDigits(20).toFixed(),
    tier: pmProTier(equity, maint, tiers),
    accountStatus: pm.accountStatus,
  };
}

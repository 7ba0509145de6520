import { toExact } from './decimal';
import type { ExactTotals } from './result-types';
import { totalAssets, totalLiabilities, type ExposureSums } from './sums';

/** Assets, liabilities and equity in USD at today's prices, exact (docs/domain.md#exposure). */
export function exactTotals(sums: ExposureSums): ExactTotals {
  const assets = totalAssets(sums);
  const liabilities = totalLiabilities(sums);
  return { assetsUsd: toExact(assets), liabilitiesUsd: toExact(liabilities), equityUsd: toExact(assets.minus(liabilities)) };
}

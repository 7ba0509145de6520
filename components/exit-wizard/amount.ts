import { formatAmount } from '@/lib/format';

/** An exact asset amount as the exchange sent it, grouped, with as many decimals as it carries (at most 8). */
export function formatAsset(value: string, asset: string): string {
  const decimals = Math.min(8, value.split('.')[1]?.replace(/0+$/, '').length ?? 0);
  return formatAmount(value, asset, decimals);
}

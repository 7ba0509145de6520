import { formatRatio, formatUsd } from '@/lib/format';
import { DEFAULT_RISK_CONFIG } from '@/lib/risk';
import type { AccountDetail } from '@/lib/contracts/accounts';
import { StatusIcon } from '@/components/ui/icons';

const TIER_WORDS = { NORMAL: ['●', 'Normal'], NO_DEBT: [null, '— no maintenance margin'], REDUCE_ONLY: ['▲', 'Reduce-only'], LIQUIDATION: ['✖', 'Liquidation'], CLAIM: ['✖', 'Binance may claim the loss'] } as const;

/** uniMMR against the three Portfolio Margin Pro tiers (docs/domain.md#exposure), on a scale from 0.9 to 1.6. */
export function PmProPanel({ pm }: { pm: NonNullable<AccountDetail['pmPro']> }) {
  const t = DEFAULT_RISK_CONFIG.pmProTiers;
  const [lo, hi] = [0.9, 1.6];
  const pos = (v: number) => `${Math.min(100, Math.max(0, ((v - lo) / (hi - lo)) * 100))}%`;
  const value = pm.uniMMR === null ? null : Number(pm.uniMMR);
  const tiers = [
    { v: Number(t.reduceOnly), label: `${t.reduceOnly} reduce-only` },
    { v: Number(t.liquidation), label: `${t.liquidation} liquidation` },
    { v: Number(t.claim), label: `${t.claim} claim` },
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">uniMMR</dt>
          <dd className="num text-xl font-semibold">{formatRatio(pm.uniMMR)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Our tier (estimate)</dt>
          <dd className="font-medium">{TIER_WORDS[pm.tier][0] && <StatusIcon symbol={TIER_WORDS[pm.tier][0]!} />}{TIER_WORDS[pm.tier][1]}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Equity / maint. margin</dt>
          <dd className="num">{formatUsd(pm.accountEquity)} / {formatUsd(pm.accountMaintMargin)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Binance status (decides)</dt>
          <dd className="font-medium">{pm.accountStatus}</dd>
        </div>
      </dl>
      <div className="relative mx-2 mb-8 mt-8 h-3 rounded-full bg-gradient-to-r from-red-500 via-amber-400 to-emerald-500" role="img" aria-label={`uniMMR ${formatRatio(pm.uniMMR)} against tiers 1.20, 1.05 and 1.00`}>
        {tiers.map((tier, i) => (
          <span key={tier.label} className="absolute top-0 h-5 border-l-2 border-slate-900 dark:border-slate-100" style={{ left: pos(tier.v) }}>
            {/* Alternate above and below: 1.05 and 1.00 sit close together. */}
            <span className={`absolute left-1 whitespace-nowrap text-[10px] text-slate-600 dark:text-slate-400 ${i % 2 ? '-top-5' : 'top-4'}`}>{tier.label}</span>
          </span>
        ))}
        {value !== null && (
          <span className="absolute -top-1.5 h-6 w-1.5 -translate-x-1/2 rounded bg-sky-600 ring-2 ring-white dark:ring-slate-900" style={{ left: pos(value) }} title={`uniMMR ${formatRatio(pm.uniMMR)}`} />
        )}
      </div>
    </div>
  );
}

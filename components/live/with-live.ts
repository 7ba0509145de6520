import Decimal from 'decimal.js';
import type { AccountRow } from '@/lib/contracts/accounts';
import type { LiveAccount, LiveView } from '@/lib/contracts/live';
import type { OverviewData } from '@/lib/contracts/overview';

/** The overview's totals summed exactly from the live accounts, when every account of the refresh is live-held. */
export function withLiveTotals(data: OverviewData, view: LiveView): OverviewData {
  const live = Object.values(view.accounts);
  if (!view.connected || live.length === 0 || live.length !== data.accountCount) return data;
  const sum = (f: (a: LiveAccount) => string) => live.reduce((t, a) => t.plus(f(a)), new Decimal(0)).toString();
  return { ...data, totals: { ...data.totals, assetsUsd: sum((a) => a.assetsUsd), liabilitiesUsd: sum((a) => a.liabilitiesUsd), equityUsd: sum((a) => a.equityUsd) } };
}

/** A table row with its live status and margin level or uniMMR (stress columns stay the refresh's, labelled by their shocks). */
export function withLiveRow(r: AccountRow, a: LiveAccount | undefined): AccountRow {
  if (!a) return r;
  const pushed = a.uniMMR === null ? `Binance risk data stream (margin level ${a.reportedMarginLevel ?? '—'})` : `Binance PM Pro user data stream (uniMMR ${a.uniMMR})`;
  const source = a.statusSource === 'exchange' ? pushed : 'live prices × balances (Binance pushed no change since the refresh)';
  const level = r.level.kind === 'ML' ? { kind: 'ML' as const, value: a.marginLevel } : { kind: 'uniMMR' as const, value: a.uniMMR ?? r.level.value };
  return { ...r, status: a.status, statusSource: source, level };
}

import type { LiveAccount, LiveMessage, LiveView } from '@/lib/contracts/live';

const moved = (a: LiveAccount | undefined, b: LiveAccount) => !a || a.status !== b.status || a.marginLevel !== b.marginLevel || a.uniMMR !== b.uniMMR || a.liabilitiesUsd !== b.liabilitiesUsd || a.equityUsd !== b.equityUsd;

/** Folds one server message into the browser's live state. */
export function reduceLive(prev: LiveView, m: LiveMessage, now: number): LiveView {
  if (m.type === 'market') return { ...prev, market: m.market };
  const accounts = m.type === 'hello' ? {} : { ...prev.accounts };
  const movedAt = { ...prev.movedAt };
  for (const a of m.accounts) {
    if (m.type === 'accounts' && moved(prev.accounts[a.email], a)) movedAt[a.email] = now;
    accounts[a.email] = a;
  }
  return m.type === 'hello' ? { connected: true, lostSince: null, market: m.market, accounts, movedAt } : { ...prev, accounts, movedAt };
}

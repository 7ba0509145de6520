import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { AccountDetail, BalanceRow, IsolatedPairView } from '@/lib/contracts/accounts';
import { bindingView } from '@/lib/contracts/binding';
import { maskKey } from '@/lib/keys/inventory';
import type { AccountRisk, AccountRiskInput } from '@/lib/risk';
import { memoAccount } from '../db/account-cache';
import type { Db } from '../db/client';
import { accountExits, accountSnapshots, specialKeySightings } from '../db/schema';
import { listNotes } from '../notes';
import { toRow } from './accounts';
import { readAccountSnapshots } from './account-snapshots';
import { currentMaster, latestRefreshes, toRefreshInfo } from './latest';
import { cachedForRefresh } from './refresh-cache';
import { liveHistoryOf } from './live-history';

/**
 * Whether the shown refresh holds this account, from the refresh's list of emails (one small query per refresh,
 * then memory). The page decides its 404 with it before anything streams, and reads the account itself inside
 * its Suspense boundary, so a navigation commits without waiting for the account's snapshots.
 */
export async function accountExists(db: Db, email: string, masterId?: string): Promise<boolean> {
  const master = await currentMaster(db, masterId);
  if (!master) return false;
  const { shown } = await latestRefreshes(db, master.id);
  if (!shown) return false;
  const emails = await cachedForRefresh(shown.id, 'account emails', async () =>
    new Set((await db.select({ email: accountSnapshots.accountEmail }).from(accountSnapshots).where(eq(accountSnapshots.refreshId, shown.id))).map((r) => r.email)));
  return emails.has(email);
}

export function balancesOf(input: AccountRiskInput): BalanceRow[] {
  const priced = input.assets.map((a) => {
    const price = new Decimal(a.priceUsd);
    return {
      ...a,
      assetUsd: new Decimal(a.free).plus(a.locked).times(price).toFixed(),
      liabilityUsd: new Decimal(a.borrowed).plus(a.interest).times(price).toFixed(),
    };
  });
  // An asset without a price is listed as Binance reported it, its USD value unknown (docs/domain.md#status).
  const unpriced = (input.unpriced ?? []).flatMap((u) => (u.balance ? [{ asset: u.asset, ...u.balance, priceUsd: null, assetUsd: null, liabilityUsd: null }] : []));
  return [...priced, ...unpriced];
}

function isolatedOf(input: AccountRiskInput, risk: AccountRisk): IsolatedPairView[] {
  return input.isolatedPairs.map((p) => {
    const r = risk.isolatedPairs.find((x) => x.symbol === p.symbol);
    const leg = ({ asset, totalAsset, borrowed, interest }: typeof p.base) => ({ asset, totalAsset, borrowed, interest });
    return {
      symbol: p.symbol,
      base: leg(p.base),
      quote: leg(p.quote),
      marginLevel: r?.marginLevel ?? null,
      reportedMarginLevel: p.marginLevel ?? null,
      liquidateBar: p.liquidateBar ?? null,
      status: r?.status ?? 'UNKNOWN',
      statusSource: r?.statusSource ?? 'not evaluated',
      liquidation: r?.shocks.liquidation ?? null,
      equityUsd: r?.totals.equityUsd ?? '0',
    };
  });
}

/** What the account page is built from, read once per request (one query for the snapshots). */
export type LoadedAccount = NonNullable<Awaited<ReturnType<typeof loadAccount>>>;

/**
 * The account in the latest shown refresh with its history, key sightings, exits, notes and live points, or null
 * when the master has no such sub-account. Kept between writes (lib/server/db/account-cache.ts): the page and
 * its API ask it on every load and every change of shocks.
 */
export async function loadAccount(db: Db, email: string, masterId?: string) {
  const master = await currentMaster(db, masterId);
  if (!master) return null;
  const { shown } = await latestRefreshes(db, master.id);
  if (!shown) return null;
  const kept = await memoAccount(db, { masterId: master.id, email, refreshId: shown.id }, () => readAccount(db, master.id, email, shown.id));
  return kept && { master, refresh: shown, ...kept };
}

async function readAccount(db: Db, masterId: string, email: string, shownRefreshId: string) {
  const { current, history } = await readAccountSnapshots(db, masterId, email, shownRefreshId);
  if (!current) return null;
  const [sightings, exits, notes, live] = await Promise.all([
    db
      .select()
      .from(specialKeySightings)
      .where(and(eq(specialKeySightings.masterId, masterId), eq(specialKeySightings.accountEmail, email)))
      .orderBy(asc(specialKeySightings.firstSeenAt)),
    db
      .select()
      .from(accountExits)
      .where(and(eq(accountExits.masterId, masterId), eq(accountExits.accountEmail, email)))
      .orderBy(desc(accountExits.confirmedAt)),
    listNotes(db, masterId, email),
    liveHistoryOf(db, masterId, email, history[0]?.takenAt ?? null),
  ]);
  return { snap: current, history, sightings, exits, notes, live };
}

/** Everything the account page shows, from stored snapshots and history: never from the exchange. */
export async function accountDetail(db: Db, email: string, opts: { shockA: number; shockB: number; masterId?: string }): Promise<AccountDetail | null> {
  const loaded = await loadAccount(db, email, opts.masterId);
  return loaded && shapeAccount(loaded, opts);
}

/** The page's object at one pair of shocks; throws ShockNotOnGridError for a shock the refresh stored no point for. */
export function shapeAccount(loaded: LoadedAccount, opts: { shockA: number; shockB: number }): AccountDetail {
  const { refresh, snap, history, sightings, exits, notes, live } = loaded;
  const risk = snap.risk as AccountRisk;
  const input = snap.input as AccountRiskInput;
  const isolatedPairs = isolatedOf(input, risk);
  return {
    row: toRow(snap, risk, opts.shockA, opts.shockB, isolatedPairs.map((p) => ({ ...p, bar: p.liquidateBar }))),
    refresh: toRefreshInfo(refresh),
    termsSigned: input.termsSigned,
    dataAvailable: input.dataAvailable,
    binding: bindingView(risk),
    unpriced: risk.unpriced ?? [],
    neverRead: risk.neverRead === true,
    totals: risk.totals,
    balances: balancesOf(input),
    shocks: risk.shocks,
    curve: risk.curve,
    consequence: risk.consequence,
    isolatedPairs,
    pmPro: risk.pmPro && input.pmPro ? { ...risk.pmPro, accountEquity: input.pmPro.accountEquity, accountMaintMargin: input.pmPro.accountMaintMargin } : null,
    outstandingLoans: risk.outstandingLoans,
    history: history.map((h) => ({ ...h, takenAt: h.takenAt.toISOString(), dataAt: h.dataAt.toISOString() })),
    liveHistory: live.map((p) => ({ ...p, at: p.at.toISOString() })),
    specialKeys: sightings.map((k) => ({
      // Ops read this page: the last 4 characters identify a key without handing it over (docs/security.md).
      id: k.id,
      fingerprint: maskKey(k.apiKey),
      name: k.name,
      symbol: k.symbol,
      firstSeenAt: k.firstSeenAt.toISOString(),
      lastSeenAt: k.lastSeenAt.toISOString(),
      deletedAt: k.deletedAt?.toISOString() ?? null,
    })),
    exits: exits.map((e) => ({ confirmedAt: e.confirmedAt.toISOString(), cooldownEndsAt: e.cooldownEndsAt.toISOString() })),
    notes,
  };
}

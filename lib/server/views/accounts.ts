import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { AccountRow, AccountList, IsolatedSummary } from '@/lib/contracts/accounts';
import { DEFAULT_RISK_CONFIG, distanceToLiquidation, severity, type AccountRisk, type AccountStatus, type ApplicabilityRule, type AccountMode, type DeficitPoint, type ShockCrossing } from '@/lib/risk';
import type { Db } from '../db/client';
import { accountSnapshots } from '../db/schema';
import { currentMaster, latestRefreshes, masterRiskOf, toRefreshInfo, type SnapshotRow } from './latest';
import { ShockNotOnGridError } from './errors';
import { cachedForRefresh } from './refresh-cache';

// Shocks come from a query string; the grid was rounded to 1e-9 by shockGrid(), so compare with slack.
const sameShock = (a: number, b: number) => Math.abs(a - b) < 1e-7;

export function pointAt(curve: readonly DeficitPoint[], shock: number): { deficit: number; owed: number } | null {
  const p = curve.find((c) => sameShock(c.shock, shock));
  return p ? { deficit: p.deficit, owed: p.owed } : null;
}

/** The parts of a snapshot the list needs: never `input` or `raw`, and only the small parts of `risk`. */
type RiskSlice = Pick<AccountRisk, 'applicability' | 'status' | 'statusSource' | 'reconciliation' | 'marginLevel' | 'bars' | 'shocks' | 'curve' | 'pmPro' | 'outstandingLoanUsd' | 'deficitBound'>;

/** One isolated pair as the list needs it: its risk figures and its own bar (from the refresh's input). */
export type PairSlice = { symbol: string; marginLevel: string | null; status: IsolatedSummary['status']; statusSource?: string; liquidation: ShockCrossing | null; bar: string | null };


/** The pair nearest to liquidation: smallest shock still to go, then the worse status, then the lower level. */
export function worstPair(pairs: readonly PairSlice[]): IsolatedSummary | null {
  const ranked = pairs.map((p) => ({ ...p, distance: p.liquidation ? distanceToLiquidation(p.liquidation) : null }));
  ranked.sort(
    (a, b) =>
      (a.distance ?? Infinity) - (b.distance ?? Infinity) ||
      severity(b.status) - severity(a.status) ||
      Number(a.marginLevel ?? Infinity) - Number(b.marginLevel ?? Infinity),
  );
  const w = ranked[0];
  if (!w) return null;
  return { symbol: w.symbol, pairs: pairs.length, marginLevel: w.marginLevel, bar: w.bar, status: w.status, statusSource: w.statusSource ?? '', liquidation: w.liquidation, liquidationDistance: w.distance };
}

export function toRow(
  s: Pick<SnapshotRow, 'accountEmail' | 'mode' | 'rule' | 'status' | 'keys' | 'dataAt' | 'stale' | 'error'>,
  risk: RiskSlice,
  shockA: number,
  shockB: number,
  pairs: readonly PairSlice[],
): AccountRow {
  const pm = s.mode === 'PM_PRO';
  const tiers = DEFAULT_RISK_CONFIG.pmProTiers;
  const liquidation = risk.shocks.liquidation;
  return {
    email: s.accountEmail,
    mode: s.mode as AccountMode,
    bound: risk.applicability.bound,
    rule: s.rule as ApplicabilityRule,
    reason: risk.applicability.reason,
    status: s.status as AccountStatus,
    // Snapshots from before the status module carry no source.
    statusSource: risk.statusSource ?? '',
    reported: risk.reconciliation?.reported ? { level: risk.reconciliation.reported, diverges: risk.reconciliation.diverges } : null,
    level: pm ? { kind: 'uniMMR', value: risk.pmPro?.uniMMR ?? null } : { kind: 'ML', value: risk.marginLevel },
    bars: pm
      ? { marginCall: tiers.reduceOnly, liquidation: tiers.liquidation }
      : risk.bars && { marginCall: risk.bars.marginCallBar, liquidation: risk.bars.forceLiquidationBar },
    liquidation,
    liquidationDistance: liquidation ? distanceToLiquidation(liquidation) : null,
    atA: pointAt(risk.curve, shockA),
    atB: pointAt(risk.curve, shockB),
    ...(risk.deficitBound ? { deficitBound: risk.deficitBound } : {}),
    outstandingLoanUsd: risk.outstandingLoanUsd,
    isolated: worstPair(pairs),
    keys: s.keys,
    dataAt: s.dataAt.toISOString(),
    stale: s.stale,
    error: s.error,
  };
}

/**
 * Every sub-account of the current master as the latest shown refresh left it. Reads the stored JSON
 * only (issue 6: what is computed once per refresh is not recomputed per request), once per refresh and
 * pair of shocks: later requests get the kept list and its JSON.
 */
export async function listAccounts(db: Db, opts: { shockA: number; shockB: number; masterId?: string }): Promise<AccountList> {
  return (await keptAccountList(db, opts)).list;
}

/** The same list as UTF-8 JSON, serialized once per refresh: the route sends these bytes as they are. */
export async function listAccountsJson(db: Db, opts: { shockA: number; shockB: number; masterId?: string }): Promise<Uint8Array<ArrayBuffer>> {
  return (await keptAccountList(db, opts)).json();
}

/**
 * The list and its JSON bytes, kept per refresh and pair of shocks (not to be confused with the AccountsView
 * component). The bytes are made on the API's first request only: the page hands the list itself to the
 * browser (TanStack Query hydration) and never sends them.
 */
type KeptAccountList = { list: AccountList; json: () => Uint8Array<ArrayBuffer> };
function keep(list: AccountList): KeptAccountList {
  let bytes: Uint8Array<ArrayBuffer> | null = null;
  return { list, json: () => (bytes ??= new TextEncoder().encode(JSON.stringify(list))) };
}

async function keptAccountList(db: Db, opts: { shockA: number; shockB: number; masterId?: string }): Promise<KeptAccountList> {
  const { shockA, shockB } = opts;
  const master = await currentMaster(db, opts.masterId);
  const empty = (grid: number[]): AccountList => ({ master: master && { id: master.id, name: master.name }, refresh: null, shocks: { a: shockA, b: shockB, grid }, rows: [] });
  const checked = (grid: number[]) => {
    for (const s of [shockA, shockB]) if (!grid.some((g) => sameShock(g, s))) throw new ShockNotOnGridError(s, grid);
    return grid;
  };
  if (!master) return keep(empty([...DEFAULT_RISK_CONFIG.shocks]));
  const { shown } = await latestRefreshes(db, master.id);
  if (!shown) return keep(empty(checked([...DEFAULT_RISK_CONFIG.shocks])));
  return cachedForRefresh(shown.id, `accounts ${shockA} ${shockB}`, async () => {
    const grid = checked(((await masterRiskOf(db, shown.id)) as { shocks?: number[] } | null)?.shocks ?? [...DEFAULT_RISK_CONFIG.shocks]);
    const rows = await snapshotRows(db, shown.id);
    return keep({
      master: { id: master.id, name: master.name },
      refresh: toRefreshInfo(shown),
      shocks: { a: shockA, b: shockB, grid },
      rows: rows.map((r) => toRow({ ...r, dataAt: new Date(r.dataAt) }, parseJson(r.risk), shockA, shockB, parseJson(r.pairs) ?? [])),
    });
  });
}

/** The list's columns of every snapshot of one refresh: never `raw`, and only the small parts of `risk` and `input`. */
function snapshotRows(db: Db, refreshId: string) {
  const risk = accountSnapshots.risk;
  return db
    .select({
      accountEmail: accountSnapshots.accountEmail,
      mode: accountSnapshots.mode,
      rule: accountSnapshots.rule,
      status: accountSnapshots.status,
      keys: accountSnapshots.keys,
      dataAt: accountSnapshots.dataAt,
      stale: accountSnapshots.stale,
      error: accountSnapshots.error,
      risk: sql<RiskSlice>`jsonb_build_object(
        'applicability', ${risk}->'applicability', 'status', ${risk}->'status', 'statusSource', ${risk}->'statusSource', 'reconciliation', jsonb_build_object('reported', ${risk}->'reconciliation'->'reported', 'diverges', ${risk}->'reconciliation'->'diverges'), 'marginLevel', ${risk}->'marginLevel',
        'bars', ${risk}->'bars', 'shocks', ${risk}->'shocks', 'curve', ${risk}->'curve', 'pmPro', ${risk}->'pmPro',
        'outstandingLoanUsd', ${risk}->'outstandingLoanUsd', 'deficitBound', ${risk}->'deficitBound')`,
      // Each isolated pair's figures, with its bar from the refresh's input (never the pair's whole curve).
      pairs: sql<PairSlice[] | null>`(select jsonb_agg(jsonb_build_object(
        'symbol', p->'symbol', 'marginLevel', p->'marginLevel', 'status', p->'status', 'statusSource', p->'statusSource', 'liquidation', p->'shocks'->'liquidation',
        'bar', (select q->'liquidateBar' from jsonb_array_elements(${accountSnapshots.input}->'isolatedPairs') q where q->'symbol' = p->'symbol' limit 1)))
        from jsonb_array_elements(${risk}->'isolatedPairs') p)`,
    })
    .from(accountSnapshots)
    .where(eq(accountSnapshots.refreshId, refreshId))
    .orderBy(asc(accountSnapshots.accountEmail));
}

/** node-postgres parses jsonb for us; a computed jsonb may arrive as text on some drivers. */
function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { distanceToLiquidation, type Applicability, type DeficitPoint, type MasterRisk, type ShockPoints } from '@/lib/risk';
import { CALLOUT_SHOCKS, type CurveMarker, type CurveRow, type CurveSeries, type Overview, type OverviewData } from '@/lib/contracts/overview';
import type { Db } from '../db/client';
import { accountSnapshots } from '../db/schema';
import { currentMaster, latestRefreshes, masterRiskOf, toRefreshInfo, type RefreshRunInfo } from './latest';
import { owingAccounts } from './owing';
import { cachedForRefresh } from './refresh-cache';

/** Accounts stacked by name on the deficit curve; the rest are one "others" band. */
const STACKED_ACCOUNTS = 4;
const OTHERS = 'others';

/**
 * The overview from what the refresh stored: the master risk of the shown refresh plus one narrow
 * query over its snapshots (stale ones, and the curves of the few accounts the page names). The engine
 * is never re-run per request (issue 6), and the embedded database serves one query at a time, so this
 * is five small queries whatever the number of accounts.
 */
export async function getOverview(db: Db, masterId?: string): Promise<Overview | null> {
  const master = await currentMaster(db, masterId);
  if (!master) return null;
  const { shown, newest } = await latestRefreshes(db, master.id);
  const head = { master: { id: master.id, name: master.name }, refresh: { shown: shown && toRefreshInfo(shown), newest: newest && toRefreshInfo(newest) } };
  if (!shown) return { ...head, data: null };
  // Built once per refresh; only the refresh progress above is read per request.
  const data = await cachedForRefresh(shown.id, 'overview', async () => {
    const risk = (await masterRiskOf(db, shown.id)) as MasterRisk | null;
    return risk ? overviewData(db, shown, risk) : null;
  });
  return { ...head, data };
}

type NamedSnapshot = {
  email: string;
  stale: boolean;
  error: string | null;
  dataAt: Date;
  curve: DeficitPoint[];
  shocks: ShockPoints;
  applicability: Applicability;
};

async function overviewData(db: Db, run: RefreshRunInfo, risk: MasterRisk): Promise<OverviewData> {
  const seriesEmails = rankContributors(risk).slice(0, STACKED_ACCOUNTS);
  const named = new Set([...seriesEmails, ...risk.nearestToLiquidation.map((n) => n.email)]);
  const rows: NamedSnapshot[] = await db
    .select({
      email: accountSnapshots.accountEmail,
      stale: accountSnapshots.stale,
      error: accountSnapshots.error,
      dataAt: accountSnapshots.dataAt,
      curve: sql<DeficitPoint[]>`${accountSnapshots.risk}->'curve'`,
      shocks: sql<ShockPoints>`${accountSnapshots.risk}->'shocks'`,
      applicability: sql<Applicability>`${accountSnapshots.risk}->'applicability'`,
    })
    .from(accountSnapshots)
    .where(
      and(
        eq(accountSnapshots.refreshId, run.id),
        named.size > 0 ? or(eq(accountSnapshots.stale, true), inArray(accountSnapshots.accountEmail, [...named])) : eq(accountSnapshots.stale, true),
      ),
    );
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const takenAt = (run.finishedAt ?? run.startedAt).toISOString();
  const stale = rows.filter((r) => r.stale).sort((a, b) => a.dataAt.getTime() - b.dataAt.getTime());

  return {
    takenAt,
    oldestDataAt: stale[0] && stale[0].dataAt.toISOString() < takenAt ? stale[0].dataAt.toISOString() : takenAt,
    accountCount: risk.accountCount,
    totals: {
      ...risk.totals,
      outstandingLoansUsd: risk.outstandingLoans.totalUsd,
      liquidationLoanUsd: risk.outstandingLoans.liquidationLoanUsd,
      pmBankruptcyLoanUsd: risk.outstandingLoans.pmBankruptcyLoanUsd,
    },
    // Master risk stored before unpriced assets were kept has none to report.
    unpriced: risk.unpriced ?? { accounts: 0, byAsset: [] },
    counts: risk.counts,
    curve: deficitCurve(risk, seriesEmails, byEmail),
    callouts: CALLOUT_SHOCKS.flatMap((s) => {
      const p = risk.curve.find((c) => Math.abs(c.shock - s) < 1e-9);
      return p ? [{ shock: p.shock, owed: p.owed, unknownBinding: p.unknownBinding, collateralLost: p.collateralLost, top: p.top }] : [];
    }),
    owing: await owingAccounts(db, run.id),
    nearest: risk.nearestToLiquidation.map((n) => {
      const pair = n.pair ?? null; // absent in master risk stored before pairs were ranked
      const a = byEmail.get(n.email)?.applicability;
      const rule = pair ? ('ISOLATED_NEVER' as const) : (a?.rule ?? null);
      const bound = pair ? false : (a?.bound ?? null);
      return { email: n.email, pair, status: n.status, rule, bound, liquidation: n.liquidation, distance: distanceToLiquidation(n.liquidation) };
    }),
    stale: stale.map((r) => ({ email: r.email, error: r.error, dataAt: r.dataAt.toISOString() })),
  };
}

/** Accounts that ever appear among a shock's top contributors, largest owed at any shock first. */
function rankContributors(risk: MasterRisk): string[] {
  const peak = new Map<string, number>();
  for (const p of risk.curve) for (const c of p.top) peak.set(c.email, Math.max(peak.get(c.email) ?? 0, c.owed));
  return [...peak.entries()].sort((a, b) => b[1] - a[1]).map(([email]) => email);
}

function deficitCurve(risk: MasterRisk, seriesEmails: string[], byEmail: Map<string, NamedSnapshot>): OverviewData['curve'] {
  const stacked = seriesEmails.filter((e) => byEmail.get(e)?.curve?.length === risk.curve.length);
  const series: CurveSeries[] = stacked.map((email, i) => ({ key: `a${i}`, email, label: email }));
  const rows: CurveRow[] = risk.curve.map((p, i) => {
    const stack: Record<string, number> = {};
    let named = 0;
    stacked.forEach((email, k) => {
      const owed = byEmail.get(email)!.curve[i]!.owed;
      stack[`a${k}`] = owed;
      named += owed;
    });
    // Float sums of the same figures in a different order: clamp the rounding residue, never a negative band.
    stack[OTHERS] = Math.max(0, p.owed - named);
    return { shock: p.shock, owed: p.owed, unknownBinding: p.unknownBinding, collateralLost: p.collateralLost, stack };
  });
  if (rows.some((r) => (r.stack[OTHERS] ?? 0) > 0.005)) series.push({ key: OTHERS, email: null, label: 'All other bound accounts' });
  const range: [number, number] = [risk.shocks[0] ?? -0.6, risk.shocks.at(-1) ?? 0.6];
  const markers: CurveMarker[] = stacked.flatMap((email) => {
    const { shocks } = byEmail.get(email)!;
    return (['liquidation', 'bankruptcy'] as const).flatMap((kind) => {
      const crossing = shocks[kind];
      if (!crossing || crossing.shock < range[0] || crossing.shock > range[1]) return [];
      return [{ email, kind, crossing, owedAt: owedAt(rows, crossing.shock) }];
    });
  });
  return { rows, series, markers, range };
}

function owedAt(rows: CurveRow[], shock: number): number {
  const j = rows.findIndex((r) => r.shock >= shock);
  if (j <= 0) return rows[Math.max(0, j)]?.owed ?? 0;
  const a = rows[j - 1]!;
  const b = rows[j]!;
  return a.owed + ((b.owed - a.owed) * (shock - a.shock)) / (b.shock - a.shock);
}


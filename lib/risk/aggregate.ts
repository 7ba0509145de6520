import { dec, toExact, ZERO, type Dec } from './decimal';
import type {
  AccountRisk,
  AccountStatus,
  ApplicabilityRule,
  MasterCurvePoint,
  MasterRisk,
  ShockCrossing,
} from './result-types';
import { ACCOUNT_STATUSES, isAccountStatus } from './status';

export type AggregateOptions = { topContributors?: number; nearestCount?: number };

export class ShockGridMismatchError extends Error {
  constructor(accountId: string) {
    super(`Account ${accountId} was evaluated on a different shock grid; re-evaluate every account with one config.`);
    this.name = 'ShockGridMismatchError';
  }
}

const RULES: ApplicabilityRule[] = [
  'BOUND_SPECIAL_KEY', 'BOUND_ISOLATED_SPECIAL_KEY', 'BOUND_LIQUIDATION_LOAN', 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED', 'NOT_BOUND', 'PM_PRO_BOUND',
  'ISOLATED_NEVER', 'UNSUPPORTED_PRODUCT', 'UNKNOWN_NO_KEY', 'UNKNOWN_READ_ONLY_KEY', 'UNKNOWN_NOT_READ', 'UNKNOWN_MODE',
];

/** The master view (docs/domain.md#exposure): deficit curve over bound accounts, loans, counts, nearest accounts. */
export function aggregateMaster(risks: readonly AccountRisk[], options: AggregateOptions = {}): MasterRisk {
  const shocks = risks[0]?.curve.map((p) => p.shock) ?? [];
  for (const r of risks) {
    if (r.curve.length !== shocks.length || r.curve.some((p, i) => p.shock !== shocks[i])) {
      throw new ShockGridMismatchError(r.accountId);
    }
  }
  return {
    accountCount: risks.length,
    shocks,
    curve: shocks.map((shock, i) => curvePoint(risks, shock, i, options.topContributors ?? 5)),
    totals: sumTotals(risks),
    unpriced: sumUnpriced(risks),
    outstandingLoans: sumLoans(risks),
    counts: countAccounts(risks),
    nearestToLiquidation: nearest(risks, options.nearestCount ?? 10),
  };
}

function curvePoint(risks: readonly AccountRisk[], shock: number, i: number, topN: number): MasterCurvePoint {
  let owed = 0;
  let unknownBinding = 0;
  let collateralLost = 0;
  const contributors: MasterCurvePoint['top'] = [];
  for (const r of risks) {
    const p = r.curve[i]!;
    // Only bound accounts' deficits are a projected loan (docs/domain.md#exposure); `owed` is already 0 elsewhere.
    owed += p.owed;
    if (r.applicability.bound === null) unknownBinding += p.deficit;
    collateralLost += p.collateralLost;
    if (p.owed > 0) contributors.push({ accountId: r.accountId, email: r.email, owed: p.owed });
  }
  contributors.sort((a, b) => b.owed - a.owed);
  return { shock, owed, unknownBinding, collateralLost, top: contributors.slice(0, topN) };
}

function sumTotals(risks: readonly AccountRisk[]): MasterRisk['totals'] {
  let assets = ZERO;
  let liabilities = ZERO;
  for (const r of risks) {
    assets = assets.plus(dec(r.totals.assetsUsd));
    liabilities = liabilities.plus(dec(r.totals.liabilitiesUsd));
  }
  return { assetsUsd: toExact(assets), liabilitiesUsd: toExact(liabilities), equityUsd: toExact(assets.minus(liabilities)) };
}

function sumUnpriced(risks: readonly AccountRisk[]): NonNullable<MasterRisk['unpriced']> {
  const byAsset = new Map<string, { held: Dec; owed: Dec }>();
  let accounts = 0;
  for (const r of risks) {
    if (!r.unpriced?.length) continue;
    accounts += 1;
    for (const u of r.unpriced) {
      const row = byAsset.get(u.asset) ?? { held: ZERO, owed: ZERO };
      byAsset.set(u.asset, { held: row.held.plus(dec(u.held)), owed: row.owed.plus(dec(u.owed)) });
    }
  }
  return { accounts, byAsset: [...byAsset].map(([asset, v]) => ({ asset, held: toExact(v.held), owed: toExact(v.owed) })) };
}

function sumLoans(risks: readonly AccountRisk[]): MasterRisk['outstandingLoans'] {
  const byKey = new Map<string, { kind: 'LIQUIDATION_LOAN' | 'PM_BANKRUPTCY_LOAN'; asset: string; remaining: Dec; valueUsd: Dec }>();
  const byKind = { LIQUIDATION_LOAN: ZERO, PM_BANKRUPTCY_LOAN: ZERO };
  for (const r of risks) {
    for (const l of r.outstandingLoans) {
      const key = `${l.kind}:${l.asset}`;
      const row = byKey.get(key) ?? { kind: l.kind, asset: l.asset, remaining: ZERO, valueUsd: ZERO };
      row.remaining = row.remaining.plus(dec(l.remaining));
      row.valueUsd = row.valueUsd.plus(dec(l.valueUsd ?? '0'));
      byKey.set(key, row);
      byKind[l.kind] = byKind[l.kind].plus(dec(l.valueUsd ?? '0'));
    }
  }
  return {
    liquidationLoanUsd: toExact(byKind.LIQUIDATION_LOAN),
    pmBankruptcyLoanUsd: toExact(byKind.PM_BANKRUPTCY_LOAN),
    totalUsd: toExact(byKind.LIQUIDATION_LOAN.plus(byKind.PM_BANKRUPTCY_LOAN)),
    byAsset: [...byKey.values()].map((row) => ({
      kind: row.kind,
      asset: row.asset,
      remaining: toExact(row.remaining),
      valueUsd: toExact(row.valueUsd),
    })),
  };
}

function countAccounts(risks: readonly AccountRisk[]): MasterRisk['counts'] {
  const byStatus = Object.fromEntries(ACCOUNT_STATUSES.map((s) => [s, 0])) as Record<AccountStatus, number>;
  const byRule = Object.fromEntries(RULES.map((s) => [s, 0])) as Record<ApplicabilityRule, number>;
  let bound = 0;
  let notBound = 0;
  for (const r of risks) {
    // A code from an older snapshot that this build does not know counts as unknown, never as normal.
    byStatus[isAccountStatus(r.status) ? r.status : 'UNKNOWN'] += 1;
    byRule[r.applicability.rule] += 1;
    if (r.applicability.bound === true) bound += 1;
    else if (r.applicability.bound === false) notBound += 1;
  }
  return { byStatus, byRule, bound, notBound, unknown: risks.length - bound - notBound };
}

/** How far prices must move to liquidate: 0 when the crossing is already behind (account past the bar). */
export function distanceToLiquidation(c: ShockCrossing): number {
  const behind = c.direction === 'DOWN' ? c.shock >= 0 : c.shock <= 0;
  return behind ? 0 : Math.abs(c.shock);
}

function nearest(risks: readonly AccountRisk[], count: number): MasterRisk['nearestToLiquidation'] {
  const rows: MasterRisk['nearestToLiquidation'] = [];
  for (const r of risks) {
    const c = r.shocks.liquidation;
    if (c) rows.push({ accountId: r.accountId, email: r.email, pair: null, status: r.status, liquidation: c });
    // An isolated pair liquidates on its own, often long before the account's cross wallet would.
    for (const p of r.isolatedPairs) {
      const pc = p.shocks.liquidation;
      if (pc) rows.push({ accountId: r.accountId, email: r.email, pair: p.symbol, status: p.status, liquidation: pc });
    }
  }
  rows.sort((a, b) => distanceToLiquidation(a.liquidation) - distanceToLiquidation(b.liquidation));
  return rows.slice(0, count);
}

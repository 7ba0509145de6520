import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { liabilitiesOf, reviewAccount, commandsAvailable } from '@/lib/exit';
import type { ExitOverview, ExitReviewAccount, ExitReviewKey, ExitRunView } from '@/lib/contracts/exit';
import type { AccountRisk, AccountRiskInput } from '@/lib/risk';
import type { AccountReads } from '@/lib/snapshot/normalize';
import { normalizePermissions } from '../connections/store';
import type { Db } from '../db/client';
import { connections, specialKeySightings } from '../db/schema';
import { currentMaster, latestRefreshes, snapshotsOf, type SnapshotRow } from '../views/latest';
import { activeRun, leaseHeld, loadRun, needsResume, recentRuns, type RunRow } from './store';
import { bindingView } from '@/lib/contracts/binding';

/** The review step: every account of the latest refresh with what the exit needs to know (pages never call the exchange). */
export async function exitOverview(db: Db, masterId?: string): Promise<ExitOverview> {
  const master = await currentMaster(db, masterId);
  if (!master) return { masterId: null, dataAt: null, accounts: [], activeRunId: null, runs: [] };
  const [{ shown }, stored, live, active, runs] = await Promise.all([
    latestRefreshes(db, master.id),
    db.select().from(connections).where(and(eq(connections.masterId, master.id), eq(connections.kind, 'sub'))),
    db
      .select({ email: specialKeySightings.accountEmail, apiKey: specialKeySightings.apiKey, name: specialKeySightings.name, symbol: specialKeySightings.symbol })
      .from(specialKeySightings)
      .where(and(eq(specialKeySightings.masterId, master.id), isNull(specialKeySightings.deletedAt)))
      .orderBy(specialKeySightings.accountEmail, specialKeySightings.firstSeenAt),
    activeRun(db, master.id),
    recentRuns(db, master.id),
  ]);
  const snapshots = shown ? await snapshotsOf(db, shown.id) : [];
  const keyOf = new Map(stored.map((c) => [c.accountEmail, c]));
  const liveKeys = new Map<string, ExitReviewKey[]>();
  for (const k of live) liveKeys.set(k.email, [...(liveKeys.get(k.email) ?? []), { name: k.name, keyTail: k.apiKey.slice(-4), symbol: k.symbol }]);
  return {
    masterId: master.id,
    dataAt: shown?.finishedAt?.toISOString() ?? null,
    accounts: snapshots.map((s) => reviewRow(s, keyOf.get(s.accountEmail), liveKeys.get(s.accountEmail) ?? [])),
    activeRunId: active?.id ?? null,
    runs: runs.map(summary),
  };
}

function reviewRow(s: SnapshotRow, key: typeof connections.$inferSelect | undefined, keys: ExitReviewKey[]): ExitReviewAccount {
  const input = s.input as AccountRiskInput;
  const risk = s.risk as AccountRisk;
  const loan = input.outstandingLoans.find((l) => l.kind === 'LIQUIDATION_LOAN');
  const spot = (s.raw as AccountReads | null)?.own?.spot ?? [];
  const liabilities = liabilitiesOf(input.assets, loan ? { asset: loan.asset, remaining: loan.remaining } : null, spot);
  const permissions = key ? normalizePermissions(key.permissions) : null;
  const verdict = reviewAccount({
    email: s.accountEmail,
    mode: input.mode,
    rule: risk.applicability.rule,
    ruleReason: risk.applicability.reason,
    status: risk.status,
    liabilities,
    keyStored: Boolean(key),
    keyCanTrade: permissions ? permissions.enableSpotAndMarginTrading : null,
  });
  return {
    email: s.accountEmail, mode: input.mode, rule: risk.applicability.rule, ruleReason: risk.applicability.reason, binding: bindingView(risk), status: risk.status,
    specialKeys: s.keys.special, keys, liabilities, verdict, dataAt: s.dataAt.toISOString(), stale: s.stale,
  };
}

function summary(r: RunRow) {
  return { id: r.id, phase: r.phase, createdAt: r.createdAt.toISOString(), createdByEmail: r.createdByEmail, finishedAt: r.finishedAt?.toISOString() ?? null };
}

export async function exitRunView(db: Db, runId: string): Promise<ExitRunView | null> {
  const loaded = await loadRun(db, runId);
  if (!loaded) return null;
  const { run, accounts, keys, audit } = loaded;
  const working = leaseHeld(run);
  return {
    ...summary(run),
    version: run.version,
    working,
    stalled: !working && needsResume(loaded),
    commands: commandsAvailable({ phase: run.phase, version: run.version, working }),
    accounts: accounts.map((a) => ({
      email: a.accountEmail, stage: a.stage, reason: a.reason,
      confirmedAt: a.confirmedAt?.toISOString() ?? null, cooldownEndsAt: a.cooldownEndsAt?.toISOString() ?? null,
      keys: keys.filter((k) => k.accountEmail === a.accountEmail).map((k) => ({ name: k.apiName, keyTail: k.apiKey.slice(-4), symbol: k.symbol, status: k.status, error: k.error })),
    })),
    audit: audit.map((e) => ({ at: e.at.toISOString(), action: e.action, actorEmail: e.actorEmail, detail: e.after })),
  };
}

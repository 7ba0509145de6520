import 'server-only';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { aggregateMaster, DEFAULT_RISK_CONFIG, evaluateAccount, type AccountRisk, type AccountRiskInput } from '@/lib/risk';
import { priceBook } from '@/lib/snapshot/prices';
import { toRiskInput, type AccountReads } from '@/lib/snapshot/normalize';
import { getEnv } from '@/lib/env';
import { countKeys } from '@/lib/keys/quota';
import { getDb, type Db } from '../db/client';
import { isDraining, track } from '../lifecycle';
import { accountSnapshots, connections, refreshRuns } from '../db/schema';
import { clientFor } from '../exchange-clients';
import { listAllSubAccounts, sharedWeightBudget, type ExchangeClient } from '../exchange';
import { saveListing } from './sub-account-listing';
import { refreshKeyLists } from './key-lists';
import { closeAbandonedRuns, describeDecision } from './abandoned';
import { keyHistories, recordSightings, type SightingChanges } from './key-history';
import { outsideKeyChanges, specialKeysReadBefore } from './outside-key-changes';
import { formatInstance, HEARTBEAT_MS, thisInstance } from './liveness';
import { canTrade, readAccount } from './read-account';
import { RefreshBusyError } from './errors';
import { mergeStats } from './stats';
import { finishWithAlerts } from '../alerts/finish';
import type { RefreshedAccount } from '../alerts/facts';
import { idleSpecialKeyCount } from '@/lib/keys/idle-count';
import { logger } from '../log/logger';
import { errorText } from '../log/redact';
import { latestChanged } from '../db/latest-cache';
import { accountChanged } from '../db/account-cache';

const log = logger('refresh');

const ACCOUNT_CONCURRENCY = 8;
/** How often a run looks whether the exchange made it wait (a 429/418 Retry-After), to say until when. */
const WAIT_WATCH_MS = 1000;

/** The process began to stop: the run ends at the account it reached and says so (docs/production.md). */
class RefreshInterruptedError extends Error {
  constructor() {
    super('interrupted: the instance was stopping, the accounts not yet read keep their last data');
  }
}

type Outcome = { email: string; reads: AccountReads; storedKey: boolean; keyChanges: SightingChanges | null } | { email: string; error: string; storedKey: boolean };

// Stored in refresh_runs.errors and account_snapshots.error, shown to owners and ops: scrubbed (docs/production.md, Logs).
const messageOf = errorText;

/** Claims the master's single running slot; a run whose instance is gone is closed as interrupted first. */
async function claim(db: Db, masterId: string, trigger: 'manual' | 'schedule' | 'start', triggeredBy: string | null) {
  for (const decision of await closeAbandonedRuns(db, masterId)) {
    // A live run found by a scheduled or manual claim is routine; at start every finding is worth a line.
    if (decision.closed || trigger === 'start') log.info({ masterId, trigger }, describeDecision(decision));
  }
  try {
    const [run] = await db
      .insert(refreshRuns)
      .values({ masterId, trigger, triggeredBy, status: 'running', currentStep: 'listing sub-accounts', instance: formatInstance(thisInstance()) })
      .returning({ id: refreshRuns.id });
    latestChanged();
    return run!.id;
  } catch {
    const [running] = await db.select({ id: refreshRuns.id }).from(refreshRuns).where(and(eq(refreshRuns.masterId, masterId), eq(refreshRuns.status, 'running')));
    throw new RefreshBusyError(running?.id ?? null);
  }
}

/** Runs `work` over the items, `size` at a time; takes no new item once the process is stopping. */
async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length && !isDraining()) await work(items[next++]!);
  }));
  if (isDraining() && next < items.length) throw new RefreshInterruptedError();
}

/** Claims the master's refresh slot and starts the work; resolves once claimed, with the run's id. */
export async function startRefresh(masterId: string, trigger: 'manual' | 'schedule' | 'start', triggeredBy: string | null = null) {
  const db = await getDb();
  const [master] = await db.select().from(connections).where(and(eq(connections.id, masterId), eq(connections.kind, 'master')));
  if (!master) throw new Error('No such master connection.');
  const runId = await claim(db, masterId, trigger, triggeredBy);
  return { runId, done: track(executeRefresh(db, master, runId)) };
}

/** A whole refresh, awaited: for the scheduler, scripts and tests. */
export async function runRefresh(masterId: string, trigger: 'manual' | 'schedule' | 'start', triggeredBy: string | null = null) {
  const { done } = await startRefresh(masterId, trigger, triggeredBy);
  return done;
}

/**
 * One refresh of one master: read every sub-account with the stored keys, record the special keys seen,
 * evaluate the LiquidationLoan risk once, and write immutable snapshots that every page reads.
 */
async function executeRefresh(db: Db, master: typeof connections.$inferSelect, runId: string): Promise<{ runId: string; status: 'ok' | 'partial' | 'failed' }> {
  const masterId = master.id;
  const started = Date.now();
  const errors: { account: string | null; step: string; message: string }[] = [];
  const clients: ExchangeClient[] = [];
  const progress = (patch: Partial<typeof refreshRuns.$inferInsert>) =>
    db.update(refreshRuns).set({ ...patch, heartbeatAt: new Date() }).where(eq(refreshRuns.id, runId)).then(latestChanged);
  // Beats while it waits too (a back-off, a slow exchange): only a process that is gone stops beating.
  const heartbeat = setInterval(() => void progress({}).catch(() => {}), HEARTBEAT_MS);
  heartbeat.unref();
  // Clients wait out a Retry-After inside the shared budget; the run records until when, so pages say
  // "waiting for the exchange until …" instead of a progress that does not move.
  let waiting: number | null = null;
  const waitWatch = setInterval(() => {
    const until = sharedWeightBudget.blockedUntil(master.baseUrl);
    if (until === waiting) return;
    waiting = until;
    void progress({ waitingUntil: until === null ? null : new Date(until) }).catch(() => {});
  }, WAIT_WATCH_MS);
  waitWatch.unref();

  try {
    const masterClient = clientFor(master);
    clients.push(masterClient);
    const listed = await listAllSubAccounts(masterClient);
    await saveListing(db, masterId, listed, new Date());
    const emails = listed.map((s) => s.email);
    await progress({ accountsTotal: emails.length, currentStep: 'reading prices' });
    const book = priceBook(await masterClient.getTickerPrices());
    const stored = await db.select().from(connections).where(and(eq(connections.masterId, masterId), eq(connections.kind, 'sub')));
    const keyOf = new Map(stored.filter((c) => c.accountEmail).map((c) => [c.accountEmail!, c]));

    const outcomes: Outcome[] = [];
    const readBefore = await specialKeysReadBefore(db, masterId, runId);
    let done = 0;
    await pool(emails, ACCOUNT_CONCURRENCY, async (email) => {
      const row = keyOf.get(email);
      const own = row ? { client: clientFor(row), canTrade: canTrade(row) } : null;
      if (own) clients.push(own.client);
      let step = 'start';
      try {
        const reads = await readAccount(email, masterClient, own, (s) => (step = s));
        const keyChanges = reads.own?.specialKeys ? await recordSightings(db, masterId, email, reads.own.specialKeys, new Date()) : null;
        outcomes.push({ email, reads, storedKey: Boolean(row), keyChanges });
      } catch (error) {
        errors.push({ account: email, step, message: messageOf(error) });
        outcomes.push({ email, error: `${step}: ${messageOf(error)}`, storedKey: Boolean(row) });
      }
      done++;
      await progress({ accountsDone: done, currentStep: `read ${email}`, errors });
    });

    await progress({ currentStep: 'reading key lists' });
    const keyLists = await refreshKeyLists(db, masterId, masterClient, emails, (email, error) => {
      errors.push({ account: email, step: 'key list', message: messageOf(error) });
    });
    await progress({ currentStep: 'evaluating risk' });
    const history = await keyHistories(db, masterId);
    const takenAt = new Date();
    const risks: AccountRisk[] = [];
    const refreshed = new Map<string, RefreshedAccount>();
    for (const outcome of outcomes) {
      const keys = {
        listed: keyLists.get(outcome.email)?.map((k) => k.apiKey) ?? null,
        stored: stored.filter((c) => c.accountEmail === outcome.email).map((c) => c.apiKey),
        deleted: history.deletedKeys(outcome.email),
      };
      const written = await writeSnapshot(db, { runId, masterId, takenAt, outcome, history: history.of(outcome.email), book, errors, keys });
      accountChanged(masterId, outcome.email); // its history now holds this snapshot
      risks.push(written.risk);
      const changes = 'keyChanges' in outcome ? outcome.keyChanges : null;
      refreshed.set(outcome.email, {
        ...written,
        outsideKeyChanges: await outsideKeyChanges(db, masterId, outcome.email, changes, readBefore.has(outcome.email)),
        forceLiquidations: 'reads' in outcome ? (outcome.reads.own?.forceLiquidations ?? null) : null,
        idleSpecialKeys: written.specialKnown ? idleSpecialKeyCount(history.liveKeys(outcome.email), keyLists.get(outcome.email) ?? [], takenAt) : null,
      });
    }
    const stale = outcomes.filter((o) => 'error' in o).length + errors.filter((e) => e.step === 'valuation').length;
    const status = stale === 0 ? 'ok' : stale < outcomes.length || outcomes.length === 0 ? 'partial' : 'failed';
    const masterRisk = aggregateMaster(risks);
    const finished: Partial<typeof refreshRuns.$inferInsert> = { status, finishedAt: new Date(), currentStep: null, waitingUntil: null, errors, masterRisk, stats: mergeStats(clients.map((c) => c.stats())) as unknown as Record<string, unknown>, heartbeatAt: new Date() };
    await finishWithAlerts(db, { masterId, refreshId: runId, accounts: refreshed, masterRisk, failing: status === 'failed' }, (tx) =>
      tx.update(refreshRuns).set(finished).where(eq(refreshRuns.id, runId)));
    latestChanged();
    await db.delete(accountSnapshots).where(and(eq(accountSnapshots.masterId, masterId), lt(accountSnapshots.takenAt, sql`now() - make_interval(days => ${getEnv().SNAPSHOT_RETENTION_DAYS})`)));
    accountChanged(masterId);
    log.info({ masterId, refreshId: runId, status, accounts: outcomes.length, stale, durationMs: Date.now() - started }, `refresh ${status}`);
    return { runId, status };
  } catch (error) {
    log.error({ masterId, refreshId: runId, err: error, durationMs: Date.now() - started }, 'refresh failed');
    errors.push({ account: null, step: error instanceof RefreshInterruptedError ? 'interrupted' : 'master', message: messageOf(error) });
    const failed = { status: 'failed' as const, finishedAt: new Date(), currentStep: null, waitingUntil: null, errors, stats: mergeStats(clients.map((c) => c.stats())) as unknown as Record<string, unknown>, heartbeatAt: new Date() };
    await finishWithAlerts(db, { masterId, refreshId: runId, accounts: new Map(), masterRisk: null, failing: true }, (tx) =>
      tx.update(refreshRuns).set(failed).where(eq(refreshRuns.id, runId)));
    latestChanged();
    return { runId, status: 'failed' as const };
  } finally {
    clearInterval(heartbeat);
    clearInterval(waitWatch);
  }
}

interface SnapshotContext {
  runId: string;
  masterId: string;
  takenAt: Date;
  outcome: Outcome;
  history: ReturnType<Awaited<ReturnType<typeof keyHistories>>['of']>;
  book: ReturnType<typeof priceBook>;
  errors: { account: string | null; step: string; message: string }[];
  keys: { listed: string[] | null; stored: string[]; deleted: string[] };
}

async function writeSnapshot(db: Db, ctx: SnapshotContext): Promise<Omit<RefreshedAccount, 'outsideKeyChanges' | 'idleSpecialKeys' | 'forceLiquidations'>> {
  const { outcome, masterId, takenAt } = ctx;
  const base = { refreshId: ctx.runId, masterId, accountEmail: outcome.email, takenAt };
  let error = 'error' in outcome ? outcome.error : null;
  if ('reads' in outcome) {
    try {
      const input = toRiskInput(outcome.reads, ctx.history, ctx.book);
      const risk = evaluateAccount(input, DEFAULT_RISK_CONFIG);
      await db.insert(accountSnapshots).values({
        ...base, dataAt: takenAt, stale: false, error: null, ...summary(input, risk),
        keys: keyCounts(ctx.keys, outcome.reads.own?.specialKeys?.map((k) => k.apiKey) ?? null),
        raw: outcome.reads as unknown as Record<string, unknown>,
      });
      const keys = keyCounts(ctx.keys, outcome.reads.own?.specialKeys?.map((k) => k.apiKey) ?? null);
      return { risk, dataAt: takenAt, keysTotal: keys.total, specialKnown: keys.special !== null };
    } catch (e) {
      error = `valuation: ${messageOf(e)}`;
      ctx.errors.push({ account: outcome.email, step: 'valuation', message: messageOf(e) });
    }
  }
  // Keep the last good data, marked stale with the error and the time of that data: never zeros.
  const [last] = await db
    .select()
    .from(accountSnapshots)
    .where(and(eq(accountSnapshots.masterId, masterId), eq(accountSnapshots.accountEmail, outcome.email)))
    .orderBy(desc(accountSnapshots.takenAt))
    .limit(1);
  if (last) {
    await db.insert(accountSnapshots).values({ ...base, dataAt: last.dataAt, stale: true, error, mode: last.mode, rule: last.rule, status: last.status, input: last.input, risk: last.risk, keys: last.keys, raw: last.raw });
    const keys = last.keys;
    return { risk: last.risk as AccountRisk, dataAt: last.dataAt, keysTotal: keys.total, specialKnown: keys.special !== null };
  }
  // Never read successfully: what is known is that nothing is known.
  const input: AccountRiskInput = {
    accountId: outcome.email, email: outcome.email, mode: 'UNKNOWN', dataAvailable: false, keyStored: outcome.storedKey, neverRead: true, termsSigned: ctx.history.termsSigned,
    specialKeys: { everCreated: ctx.history.everCreated, activeCount: 0, isolatedOnly: ctx.history.isolatedOnly, exitConfirmedAt: ctx.history.exitConfirmedAt },
    liquidationLoanSeenAt: ctx.history.liquidationLoanSeenAt ?? null,
    assets: [], bars: null, isolatedPairs: [], pmPro: null, outstandingLoans: [],
  };
  const risk = evaluateAccount(input, DEFAULT_RISK_CONFIG);
  await db.insert(accountSnapshots).values({ ...base, dataAt: takenAt, stale: true, error, ...summary(input, risk), keys: keyCounts(ctx.keys, null), raw: null });
  return { risk, dataAt: takenAt, keysTotal: null, specialKnown: false };
}

/** The snapshot's key figures; `total` only when the exchange's own list makes the count complete. */
function keyCounts(keys: SnapshotContext['keys'], special: string[] | null) {
  const quota = countKeys({ ...keys, special });
  return { total: quota.complete ? quota.count : null, special: special?.length ?? null, stored: keys.stored.length };
}

// The margin level is stored once, in `risk` (AccountRisk.marginLevel); history reads it from there.
function summary(input: AccountRiskInput, risk: AccountRisk) {
  return { mode: input.mode, rule: risk.applicability.rule, status: risk.status, input, risk };
}

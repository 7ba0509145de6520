import 'server-only';
import { and, count, eq, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '../db/client';
import { connections } from '../db/schema';
import { isDraining } from '../lifecycle';
import { logger } from '../log/logger';
import { dropLiveHub, liveHub, liveHubIds, type LiveHubOptions } from './registry';

const log = logger('live');

/** (choice) How often the supervisor looks for added, changed or removed master connections. */
const CHECK_MS = 5_000;

type Supervisor = { timer: NodeJS.Timeout; seen: Map<string, string>; pass: Promise<void> | null; options: LiveHubOptions };

// One per process: instrumentation and route handlers are separate bundles (lib/server/lifecycle.ts).
const holder = globalThis as typeof globalThis & { __marginwatchLiveSupervisor?: Supervisor };

/**
 * Each master's keys as one word: it changes when the master's key is rotated or a sub-account key is added,
 * rotated or removed, which is when the stream manager needs new clients and streams.
 */
async function masterKeys(): Promise<Map<string, string>> {
  const sub = alias(connections, 'sub');
  const rows = await (await getDb())
    .select({ id: connections.id, changed: connections.updatedAt, subs: count(sub.id), subChanged: max(sub.updatedAt) })
    .from(connections)
    .leftJoin(sub, and(eq(sub.masterId, connections.id), eq(sub.kind, 'sub')))
    .where(eq(connections.kind, 'master'))
    .groupBy(connections.id, connections.updatedAt);
  return new Map(rows.map((r) => [r.id, `${r.changed.toISOString()} ${r.subs} ${String(r.subChanged)}`]));
}

/**
 * One look (docs/live.md#server): a hub streams for every stored master, restarted when its keys changed and
 * stopped when its connection is gone. A hub that failed to start is tried again at the next look.
 */
async function look(s: Supervisor): Promise<void> {
  const keys = await masterKeys();
  for (const id of liveHubIds()) {
    if (keys.has(id)) continue;
    s.seen.delete(id);
    await dropLiveHub(id, { closeKeys: true });
    log.info({ masterId: id }, 'live streams stopped: the master connection was removed');
  }
  for (const [id, word] of keys) {
    if (isDraining()) return;
    const hub = liveHub(id, s.options);
    const changed = s.seen.has(id) && s.seen.get(id) !== word;
    s.seen.set(id, word);
    try {
      if (changed) await hub.restart();
      else if (!hub.running) await hub.start();
    } catch (error) {
      s.seen.delete(id);
      log.error({ masterId: id, err: error }, 'live streams could not start; trying again shortly');
    }
  }
}

/** One look now, never two at once; answers when it is done (tests wait on it). */
export function superviseLive(): Promise<void> {
  const s = holder.__marginwatchLiveSupervisor;
  if (!s) return Promise.resolve();
  s.pass ??= look(s)
    .catch((error: unknown) => log.error({ err: error }, 'live supervision failed'))
    .finally(() => (s.pass = null));
  return s.pass;
}

/** Streams every master while the server runs, from its start (instrumentation), whether or not a page listens. */
export function startLiveSupervisor(options: LiveHubOptions = {}): void {
  if (holder.__marginwatchLiveSupervisor) return;
  const timer = setInterval(() => void superviseLive(), CHECK_MS);
  timer.unref();
  holder.__marginwatchLiveSupervisor = { timer, seen: new Map(), pass: null, options };
  void superviseLive();
}

/** Shutdown: no more looks, every hub stopped (its due history written; listen keys left to other instances). */
export async function stopLiveSupervisor(): Promise<void> {
  const s = holder.__marginwatchLiveSupervisor;
  if (!s) return;
  clearInterval(s.timer);
  holder.__marginwatchLiveSupervisor = undefined;
  await s.pass;
  await Promise.allSettled(liveHubIds().map((id) => dropLiveHub(id)));
}

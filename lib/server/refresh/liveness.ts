import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A running refresh touches its heartbeat this often, even while it waits out a back-off. */
export const HEARTBEAT_MS = 10_000;
/** Three missed beats: the instance running it is gone (another host's process cannot be asked). */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_MS;

export interface Instance {
  host: string;
  pid: number;
  token: string;
}

const holder = globalThis as typeof globalThis & { __marginwatchInstance?: Instance };

/** This process, as written on the runs it starts. */
export function thisInstance(): Instance {
  return (holder.__marginwatchInstance ??= { host: hostname(), pid: process.pid, token: randomUUID().slice(0, 8) });
}

export const formatInstance = (i: Instance) => `${i.host}:${i.pid}:${i.token}`;

function parseInstance(text: string | null): Instance | null {
  const match = text ? /^(.*):(\d+):([^:]+)$/.exec(text) : null;
  return match ? { host: match[1]!, pid: Number(match[2]), token: match[3]! } : null;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type Verdict = { alive: true; reason: string } | { alive: false; reason: string };

/**
 * Whether the process that left a run "running" still runs it. On this host the process table answers at
 * once (a restart after a crash needs no wait); elsewhere only the heartbeat can tell.
 */
export function judgeRun(run: { instance: string | null; heartbeatAt: Date }, self: Instance, now: number, alive: (pid: number) => boolean = pidAlive): Verdict {
  const owner = parseInstance(run.instance);
  const age = Math.round((now - run.heartbeatAt.getTime()) / 1000);
  if (owner && owner.host === self.host) {
    if (owner.pid === self.pid && owner.token === self.token) return { alive: true, reason: 'this process runs it' };
    if (owner.pid === self.pid || !alive(owner.pid)) return { alive: false, reason: `its process ${owner.pid} on this host is gone` };
    return { alive: true, reason: `process ${owner.pid} on this host runs it (heartbeat ${age} s ago)` };
  }
  const where = owner ? `on ${owner.host}` : 'by an instance that did not record itself';
  if (now - run.heartbeatAt.getTime() > HEARTBEAT_STALE_MS) return { alive: false, reason: `run ${where}, no heartbeat for ${age} s` };
  return { alive: true, reason: `run ${where}, heartbeat ${age} s ago` };
}

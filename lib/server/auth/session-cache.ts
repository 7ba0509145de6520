import 'server-only';
import { isRole, type Role } from '@/lib/permissions';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { EPOCH_CHECK_MS, IDLE_TIMEOUT_MS, TOUCH_EVERY_MS } from './session-policy';
import { liveSessions, readAuthEpoch, readSession, touchSession, type SessionRow } from './session-store';

export interface CachedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

interface Snapshot {
  db: Db;
  epoch: number;
  users: Map<string, CachedUser>;
  sessions: Map<string, SessionRow>;
}

interface CacheState {
  snapshot: Snapshot | null;
  checkedAt: number;
  loading: Promise<Snapshot> | null;
  /** Last use per session as this instance saw it, and when that was last written to the database. */
  seen: Map<string, { at: number; writtenAt: number }>;
}

// On globalThis: Next evaluates server modules in several bundles (routes, actions, instrumentation), and
// a sign-out in one must be seen by all of them.
const holder = globalThis as typeof globalThis & { __marginwatchSessionCache?: CacheState };
const state = (holder.__marginwatchSessionCache ??= { snapshot: null, checkedAt: 0, loading: null, seen: new Map() });

async function load(db: Db, epoch: number, now: Date): Promise<Snapshot> {
  const [userRows, sessionRows] = await Promise.all([db.select().from(users), liveSessions(db, now)]);
  const byId = new Map<string, CachedUser>();
  for (const u of userRows) if (isRole(u.role)) byId.set(u.id, { id: u.id, email: u.email, name: u.name, role: u.role });
  return { db, epoch, users: byId, sessions: new Map(sessionRows.map((s) => [s.id, s])) };
}

/**
 * Users and sessions as of the current auth epoch. The epoch is read at most once per EPOCH_CHECK_MS, and
 * everything is re-read only when it moved: a request costs no database round trip in the common case.
 */
async function current(db: Db, now: Date): Promise<Snapshot> {
  const fresh = state.snapshot?.db === db && now.getTime() - state.checkedAt < EPOCH_CHECK_MS;
  if (fresh) return state.snapshot!;
  state.loading ??= (async () => {
    const epoch = await readAuthEpoch(db);
    const kept = state.snapshot?.db === db && state.snapshot.epoch === epoch ? state.snapshot : await load(db, epoch, now);
    state.snapshot = kept;
    state.checkedAt = now.getTime();
    return kept;
  })().finally(() => {
    state.loading = null;
  });
  return state.loading;
}

/** After a change made by this instance: the next request re-reads the epoch (other instances within a second). */
export function invalidateSessionCache(): void {
  state.checkedAt = 0;
}

/** The user a session token stands for, as they are now; null when the session is unknown, revoked or over. */
export async function userForSession(db: Db, token: { uid?: unknown; sid?: unknown }, now = new Date()): Promise<CachedUser | null> {
  if (typeof token.sid !== 'string' || typeof token.uid !== 'string') return null;
  const snapshot = await current(db, now);
  let session = snapshot.sessions.get(token.sid);
  // Signed in on another instance within the last second: read that one row once.
  if (!session) {
    const row = await readSession(db, token.sid);
    if (!row) return null;
    snapshot.sessions.set(row.id, row);
    session = row;
  }
  if (session.userId !== token.uid || session.revokedAt || session.expiresAt.getTime() <= now.getTime()) return null;
  if (!(await stillActive(db, session, now))) return null;
  return snapshot.users.get(session.userId) ?? null;
}

async function stillActive(db: Db, session: SessionRow, now: Date): Promise<boolean> {
  const seen = state.seen.get(session.id);
  let lastSeen = Math.max(seen?.at ?? 0, session.lastSeenAt.getTime());
  if (now.getTime() - lastSeen > IDLE_TIMEOUT_MS) {
    // Perhaps used on another instance since this one loaded it: ask the database before ending it.
    const row = await readSession(db, session.id);
    lastSeen = Math.max(lastSeen, row?.lastSeenAt.getTime() ?? 0);
    if (row) session.lastSeenAt = row.lastSeenAt;
    if (now.getTime() - lastSeen > IDLE_TIMEOUT_MS) return false;
  }
  const writtenAt = seen?.writtenAt ?? session.lastSeenAt.getTime();
  state.seen.set(session.id, { at: now.getTime(), writtenAt });
  if (now.getTime() - writtenAt >= TOUCH_EVERY_MS) {
    state.seen.set(session.id, { at: now.getTime(), writtenAt: now.getTime() });
    await touchSession(db, session.id, now);
  }
  return true;
}

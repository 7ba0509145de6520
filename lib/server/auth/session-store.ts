import 'server-only';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authEpoch, sessions } from '../db/schema';
import { ABSOLUTE_LIFETIME_MS, EXPIRED_SESSION_RETENTION_MS } from './session-policy';

export interface SessionRow {
  id: string;
  userId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

/** Moves the counter every instance watches, so each re-reads users and sessions (session-cache.ts). */
export async function bumpAuthEpoch(db: Db): Promise<number> {
  const [row] = await db
    .insert(authEpoch)
    .values({ id: 1, epoch: 1 })
    .onConflictDoUpdate({ target: authEpoch.id, set: { epoch: sql`${authEpoch.epoch} + 1` } })
    .returning({ epoch: authEpoch.epoch });
  return row!.epoch;
}

export async function readAuthEpoch(db: Db): Promise<number> {
  const [row] = await db.select({ epoch: authEpoch.epoch }).from(authEpoch).where(eq(authEpoch.id, 1));
  return row?.epoch ?? 0;
}

/** A new session at sign-in; sessions that ended long ago are removed on the way (their retention). */
export async function createSession(db: Db, userId: string, now = new Date()): Promise<string> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date(now.getTime() - EXPIRED_SESSION_RETENTION_MS)));
  const [row] = await db
    .insert(sessions)
    .values({ userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS) })
    .returning({ id: sessions.id });
  await bumpAuthEpoch(db);
  return row!.id;
}

export async function revokeSession(db: Db, id: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  await bumpAuthEpoch(db);
}

/** "Sign out everywhere": every live session of the user ends. */
export async function revokeUserSessions(db: Db, userId: string, now = new Date()): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  await bumpAuthEpoch(db);
  return ended.length;
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function readSession(db: Db, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row ?? null;
}

/** Every session that has not reached its absolute end, revoked ones included (so they are known). */
export async function liveSessions(db: Db, now: Date): Promise<SessionRow[]> {
  return db.select().from(sessions).where(sql`${sessions.expiresAt} > ${now.toISOString()}::timestamptz`);
}

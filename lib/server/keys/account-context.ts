import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { ApiError, conflict, notFound } from '../api/errors';
import type { Db } from '../db/client';
import { accountExits, accountSnapshots, connections, specialKeySightings } from '../db/schema';
import { currentMaster } from '../views/latest';

/** What a key action needs to know about one sub-account before it sends anything. */
export async function loadAccountContext(db: Db, email: string) {
  const master = await currentMaster(db);
  if (!master) throw notFound('A master connection');
  const [snapshot] = await db
    .select({ mode: accountSnapshots.mode, keys: accountSnapshots.keys })
    .from(accountSnapshots)
    .where(and(eq(accountSnapshots.masterId, master.id), eq(accountSnapshots.accountEmail, email)))
    .orderBy(desc(accountSnapshots.takenAt))
    .limit(1);
  if (!snapshot) throw notFound(`The sub-account ${email}`);
  const stored = await db.select().from(connections).where(and(eq(connections.masterId, master.id), eq(connections.kind, 'sub'), eq(connections.accountEmail, email)));
  const sightings = await db.select().from(specialKeySightings).where(and(eq(specialKeySightings.masterId, master.id), eq(specialKeySightings.accountEmail, email)));
  const [exit] = await db.select().from(accountExits).where(and(eq(accountExits.masterId, master.id), eq(accountExits.accountEmail, email))).orderBy(desc(accountExits.confirmedAt)).limit(1);
  // Special keys are managed with the account's own normal key, and Binance wants trading permission for it.
  const trading = stored.find((c) => (c.permissions as Record<string, unknown> | null)?.enableSpotAndMarginTrading === true);
  return { master, email, mode: snapshot.mode, keyTotal: snapshot.keys.total, sightings, exit: exit ?? null, trading: trading ?? null };
}

export type AccountContext = Awaited<ReturnType<typeof loadAccountContext>>;

export function requireTradingKey(ctx: AccountContext) {
  if (!ctx.trading) {
    throw conflict(`No normal key with spot & margin trading is stored for ${ctx.email}: store one in Settings → Connections first. Special keys are managed with the account’s own normal key.`);
  }
  return ctx.trading;
}

/** The sighting behind a Keys-page row id (`special:<uuid>`), with the account it belongs to. */
export async function loadSighting(db: Db, keyId: string) {
  const id = keyId.slice('special:'.length);
  const [sighting] = await db.select().from(specialKeySightings).where(eq(specialKeySightings.id, id));
  if (!sighting) throw notFound('That special key');
  if (sighting.deletedAt) throw new ApiError(409, 'conflict', 'That special key was already deleted.');
  return sighting;
}

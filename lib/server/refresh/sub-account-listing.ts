import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { subAccountListings } from '@/lib/server/db/schema';
import type { ListedSubAccount } from '@/lib/server/exchange';

/** Replaces the master's stored sub-account list with what the exchange just listed. */
export async function saveListing(db: Db, masterId: string, subAccounts: ListedSubAccount[], listedAt: Date): Promise<void> {
  await db
    .insert(subAccountListings)
    .values({ masterId, listedAt, subAccounts })
    .onConflictDoUpdate({ target: subAccountListings.masterId, set: { listedAt, subAccounts } });
}

/** The master's sub-accounts as the exchange last listed them, and when; `listedAt` null when never listed. */
export async function readListing(db: Db, masterId: string): Promise<{ listedAt: Date | null; subAccounts: ListedSubAccount[] }> {
  const [row] = await db.select().from(subAccountListings).where(eq(subAccountListings.masterId, masterId));
  return row ? { listedAt: row.listedAt, subAccounts: row.subAccounts } : { listedAt: null, subAccounts: [] };
}

import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Waits for, then holds until the transaction ends, the lock named `name`: the same name serialises the work
 * of every instance on one database (docs/production.md, "Two or more instances"). A transaction lock rather
 * than a session one, which a connection pool cannot be trusted to keep.
 */
export async function holdTransactionLock(tx: Db, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}

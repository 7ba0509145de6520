import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { connections, totpFactors } from '../db/schema';
import { latestChanged } from '../db/latest-cache';
import type { Keyring } from './keyring';
import { seal, sealedKeyId, unseal } from './seal';

/**
 * Re-seals every stored secret under the keyring's current key, in one transaction: either every secret
 * moves to the new key or none does. Values already under the current key are left alone, so running
 * it twice is harmless.
 */
export async function resealAll(db: Db, keyring: Keyring): Promise<{ resealed: number; unchanged: number }> {
  const result = await db.transaction(async (tx) => {
    const rows = await tx.select({ id: connections.id, sealedSecret: connections.sealedSecret }).from(connections);
    let resealed = 0;
    for (const row of rows) {
      if (sealedKeyId(row.sealedSecret) === keyring.current.id) continue;
      const plaintext = unseal(row.sealedSecret, keyring.all);
      await tx.update(connections).set({ sealedSecret: seal(plaintext, keyring.current) }).where(eq(connections.id, row.id));
      resealed++;
    }
    // Authenticator secrets are sealed the same way (docs/security.md, "Second factor"): counted apart, so the
    // connections' figures stay what they were.
    const factors = await tx.select({ userId: totpFactors.userId, sealedSecret: totpFactors.sealedSecret, pending: totpFactors.pendingSealedSecret }).from(totpFactors);
    const reseal = (sealed: string) => (sealedKeyId(sealed) === keyring.current.id ? sealed : seal(unseal(sealed, keyring.all), keyring.current));
    for (const row of factors) {
      if (sealedKeyId(row.sealedSecret) === keyring.current.id && (row.pending === null || sealedKeyId(row.pending) === keyring.current.id)) continue;
      await tx.update(totpFactors).set({ sealedSecret: reseal(row.sealedSecret), pendingSealedSecret: row.pending && reseal(row.pending) }).where(eq(totpFactors.userId, row.userId));
    }
    return { resealed, unchanged: rows.length - resealed };
  });
  latestChanged(); // the kept master row holds the sealed secret
  return result;
}

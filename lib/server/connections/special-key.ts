import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/server/db/client';
import { specialKeySightings } from '@/lib/server/db/schema';
import { specialKeyGuard, type ExchangeClient } from '@/lib/server/exchange';
import { listAllSpecialKeys } from '@/lib/server/exchange/special-key-list';

/**
 * How a submitted key is recognised as a Margin Special key, which this product refuses to store: every read
 * the dashboard makes is on /sapi, and a special key must never sign one (docs/domain.md#keys). No endpoint answers
 * "is this key special?", so the rule combines what the exchange does say:
 *
 * 1. Before any exchange request: the key is in the refresh's history of special keys ever seen
 *    (special_key_sightings, deleted ones included), or the process-wide key guard holds it (every key an
 *    account's special-key list showed since start-up). Either → special, and the key never touches /sapi.
 * 2. After the key's own /sapi reads succeeded: read the account's special-key lists with it
 *    (GET /sapi/v1/margin/api-key-list: cross margin, then once per isolated pair, since a special key
 *    with `symbol` only shows in that pair's list). The submitted key in any list → special. This is the
 *    exchange's own word, and it covers an exchange that lets a special key read /sapi.
 * 3. When GET /sapi/v1/account/apiRestrictions answers -2015, the exchange refuses the key on /sapi: it is
 *    invalid, not whitelisted for this IP, lacks Reading — or is special (Binance and the simulator answer a
 *    special key on /sapi with -2015). The tell-tale would be a signed /api read succeeding with the same key,
 *    but the exchange client has no signed read-only /api endpoint (its only signed /api call places an
 *    order), so the key is refused with every cause named, special included. (choice) Refusing is the safe
 *    side: nothing is stored either way.
 */
export async function knownSpecial(apiKey: string): Promise<boolean> {
  if (specialKeyGuard.isSpecial({ apiKey, keyKind: 'normal' })) return true;
  const db = await getDb();
  const [seen] = await db.select({ id: specialKeySightings.id }).from(specialKeySightings).where(eq(specialKeySightings.apiKey, apiKey)).limit(1);
  return seen !== undefined;
}

/** Rule 2. `getSpecialKeyList` also teaches the process guard every key it lists. */
export async function listedAsSpecial(client: ExchangeClient, apiKey: string): Promise<boolean> {
  return (await listAllSpecialKeys(client)).some((k) => k.apiKey === apiKey);
}

export const SPECIAL_KEY_REFUSED =
  'This is a Margin Special key (the exchange lists it among the account’s special keys). Special keys may only ' +
  'place orders through /api and are never used for the dashboard’s /sapi reads: store this account’s normal key instead.';

export const SAPI_REFUSED =
  'the exchange refused this key on /sapi (-2015). Either the key is invalid, this server’s IP is not on its ' +
  'whitelist, it lacks the Reading permission — or it is a Margin Special key, which the exchange refuses on /sapi ' +
  '(store the account’s normal key instead).';

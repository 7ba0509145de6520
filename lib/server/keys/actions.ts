import 'server-only';
import { eq } from 'drizzle-orm';
import { createBlockers } from '@/lib/keys/create-blockers';
import { maskKey } from '@/lib/keys/inventory';
import { ApiError, conflict } from '../api/errors';
import type { HandlerContext } from '../api/handler';
import { accountChanged } from '../db/account-cache';
import type { Db } from '../db/client';
import { specialKeySightings } from '../db/schema';
import type { ExchangeClient } from '../exchange';
import { listSpecialKeys } from '../exchange/special-key-list';
import { clientFor } from '../exchange-clients';
import { refreshAfterChange } from '../refresh/refresh-after-change';
import { recordSightings } from '../refresh/key-history';
import { loadAccountContext, loadSighting, requireTradingKey, type AccountContext } from './account-context';
import { patchKeyList } from '../refresh/key-lists';
import type { CreateSpecialKeyInput } from './schemas';
import { logger } from '../log/logger';

type Audit = HandlerContext<unknown, unknown, unknown>['audit'];
export interface ActionActor {
  email: string;
  audit: Audit;
}

const BINDING_NOTE =
  'Cross Margin Classic with a special key: a deficit after a forced liquidation becomes a LiquidationLoan the user must repay in full. Deleting the key later does not release the account; only a confirmed exit does.';

async function reread(db: Db, ctx: AccountContext, client: ExchangeClient, extraSymbol: string | null = null) {
  const symbols = [...ctx.sightings.filter((s) => !s.deletedAt).map((s) => s.symbol), extraSymbol];
  // Every live special key of the account, cross and each isolated pair we know of: the re-read after an action.
  const keys = await listSpecialKeys(client, [null, ...symbols]);
  await recordSightings(db, ctx.master.id, ctx.email, keys, new Date());
  return keys;
}

const view = (keys: { apiKey: string; apiName: string; ip: string; symbol: string | null }[]) =>
  keys.map((k) => ({ key: maskKey(k.apiKey), name: k.apiName, ip: k.ip, symbol: k.symbol }));

/** Start a refresh so Accounts and Keys show the change; a running one is awaited, then refreshed again. */
function refreshSoon(db: Db, masterId: string, by: string) {
  refreshAfterChange(db, masterId, by).catch((error) => logger('keys').error({ masterId, err: error }, 'refresh after a key action failed'));
}

/**
 * Refusals the exchange would give, checked first so nothing is sent that is bound to fail (issue #7); the same
 * list the Keys page shows before its form (lib/keys/create-blockers.ts).
 */
function refuseCreate(ctx: AccountContext, input: CreateSpecialKeyInput, now: Date) {
  const [blocker] = createBlockers({ email: ctx.email, mode: ctx.mode, keyCount: ctx.keyTotal, tradingKeyStored: ctx.trading !== null, exit: ctx.exit }, now);
  if (blocker) throw conflict(blocker.message);
  // The first special key binds a Cross Classic account, and so does one after a confirmed exit (docs/domain.md#binding).
  const exit = ctx.exit;
  const released = exit !== null && ctx.sightings.every((s) => s.firstSeenAt.getTime() <= exit.confirmedAt.getTime());
  const binds = ctx.mode === 'CROSS_CLASSIC' && (ctx.sightings.length === 0 || released);
  if (binds && !input.confirmBinding) {
    throw new ApiError(409, 'binding_confirmation_required', `Confirm the binding first. ${BINDING_NOTE}`);
  }
}

export async function createSpecialKey(db: Db, input: CreateSpecialKeyInput, actor: ActionActor) {
  const ctx = await loadAccountContext(db, input.account);
  // Every blocker (no trading key first) is refused before anyone is asked to confirm a binding.
  refuseCreate(ctx, input, new Date());
  const trading = requireTradingKey(ctx);
  const client = clientFor(trading);
  const before = await reread(db, ctx, client, input.symbol ?? null);
  const created = await client.createSpecialKey({ apiName: input.apiName, symbol: input.symbol, ip: input.ip.join(','), publicKey: input.publicKey, permissionMode: input.permissionMode });
  const after = await reread(db, ctx, client, input.symbol ?? null);
  const listed = after.find((k) => k.apiKey === created.apiKey);
  if (!listed) throw new ApiError(502, 'not_confirmed', 'The exchange answered, but the new key is not in its list: check the account before trying again.');
  await patchKeyList(db, ctx.master.id, ctx.email, { add: { apiKey: created.apiKey, apiName: input.apiName, canTrade: true, createdAt: new Date().toISOString() } });
  // The secret is in `created` only: never in the audit entry, a log line or the database.
  await actor.audit('keys.create_special', ctx.email, { before: { specialKeys: view(before) }, after: { specialKeys: view(after), created: maskKey(created.apiKey) } });
  refreshSoon(db, ctx.master.id, actor.email);
  const [sighting] = await db.select({ id: specialKeySightings.id }).from(specialKeySightings).where(eq(specialKeySightings.apiKey, created.apiKey));
  return {
    keyId: `special:${sighting!.id}`,
    apiKey: created.apiKey,
    secretKey: created.secretKey ?? null,
    type: created.type,
    liquidationLoan: ctx.mode === 'CROSS_CLASSIC' ? BINDING_NOTE : null,
  };
}

export async function editSpecialKeyIp(db: Db, keyId: string, ips: string[], actor: ActionActor) {
  const sighting = await loadSighting(db, keyId);
  const ctx = await loadAccountContext(db, sighting.accountEmail);
  const client = clientFor(requireTradingKey(ctx));
  const before = await reread(db, ctx, client);
  await client.editSpecialKeyIp(sighting.apiKey, ips.join(','), sighting.symbol ?? undefined);
  const after = await reread(db, ctx, client);
  const listed = after.find((k) => k.apiKey === sighting.apiKey);
  if (!listed || listed.ip.split(',').sort().join(',') !== [...ips].sort().join(',')) {
    throw new ApiError(502, 'not_confirmed', 'The exchange answered, but the key’s list does not show the new whitelist: check it before trying again.');
  }
  await db.update(specialKeySightings).set({ changedAt: new Date() }).where(eq(specialKeySightings.id, sighting.id));
  accountChanged(sighting.masterId, sighting.accountEmail);
  await actor.audit('keys.edit_ip', ctx.email, { before: { key: maskKey(sighting.apiKey), ip: before.find((k) => k.apiKey === sighting.apiKey)?.ip ?? null }, after: { key: maskKey(sighting.apiKey), ip: listed.ip } });
  refreshSoon(db, ctx.master.id, actor.email);
  return { ip: listed.ip.split(','), liquidationLoan: 'An IP change does not change the LiquidationLoan rule for this account.' };
}

export async function deleteSpecialKey(db: Db, keyId: string, actor: ActionActor) {
  const sighting = await loadSighting(db, keyId);
  const ctx = await loadAccountContext(db, sighting.accountEmail);
  const client = clientFor(requireTradingKey(ctx));
  const before = await reread(db, ctx, client);
  await client.deleteSpecialKey(sighting.apiKey, sighting.symbol ?? undefined);
  const after = await reread(db, ctx, client);
  if (after.some((k) => k.apiKey === sighting.apiKey)) throw new ApiError(502, 'not_confirmed', 'The exchange answered, but the key is still listed: check the account before trying again.');
  await patchKeyList(db, ctx.master.id, ctx.email, { remove: sighting.apiKey });
  await actor.audit('keys.delete_special', ctx.email, { before: { specialKeys: view(before) }, after: { specialKeys: view(after) } });
  refreshSoon(db, ctx.master.id, actor.email);
  return {
    remaining: after.length,
    liquidationLoan:
      ctx.mode === 'CROSS_CLASSIC'
        ? 'Deleting a key is not an exit: this account stays bound to the LiquidationLoan policy until the exit is completed and confirmed (Exit wizard).'
        : null,
  };
}

import 'server-only';
import { inDoubtConclusiveAt, phaseAfterDeletion, resolveInDoubtDeletion, stageAfterDeletion, type RunPhase } from '@/lib/exit';
import { countOf } from '@/lib/format';
import { DEFAULT_RECV_WINDOW_MS, type ExchangeClient } from '../exchange';
import { messageOf, NO_KEY_REASON, outcomeUnknown, type StepContext } from './context';
import { listSpecialKeys, type ListedKey } from './reads';
import { addKeys, keysOf, loadRun, setKeyStatus, setStage, type KeyRow } from './store';

/**
 * Step 1: delete every special key of every chosen account, each deletion recorded before (`deleting`) and
 * after (`deleted`) its DELETE, then the list is read again. `retryFailed` is the owner's retry; a resumed
 * run only finishes what was pending or in doubt.
 */
export async function deleteKeysStep(ctx: StepContext, retryFailed: boolean): Promise<RunPhase> {
  const loaded = await loadRun(ctx.db, ctx.run.id);
  for (const account of loaded?.accounts ?? []) {
    if (account.stage === 'selected' || account.stage === 'deleting') await deleteAccountKeys(ctx, account.accountEmail, retryFailed);
  }
  const after = await loadRun(ctx.db, ctx.run.id);
  return phaseAfterDeletion((after?.accounts ?? []).map((a) => a.stage));
}

async function deleteAccountKeys(ctx: StepContext, email: string, retryFailed: boolean): Promise<void> {
  const { db, run } = ctx;
  const client = await ctx.clientOf(email);
  if (!client) return setStage(db, run.id, email, 'deleting', NO_KEY_REASON);
  try {
    await settle(ctx, email, await conclusiveList(ctx, email, client));
    await setStage(db, run.id, email, 'deleting');
    for (const key of await keysOf(db, run.id, email)) {
      if (key.status === 'pending' || (retryFailed && key.status === 'failed')) await deleteOne(ctx, email, client, key);
    }
    const listed = await conclusiveList(ctx, email, client);
    await settle(ctx, email, listed);
    const keys = await keysOf(db, run.id, email);
    const stage = stageAfterDeletion(keys.map((k) => k.status), listed.length);
    const failed = keys.filter((k) => k.status !== 'deleted').length;
    await setStage(db, run.id, email, stage, stage === 'keys_deleted' ? null : `${countOf(failed, 'special key')} still listed`);
    if (stage === 'keys_deleted') await ctx.audit('exit.keys_deleted', { account: email, keys: keys.length, listedNow: 0 });
  } catch (error) {
    await setStage(db, run.id, email, 'deleting', `could not read the key list: ${messageOf(error)}`);
  }
}

/**
 * The account's special-key list, read once it can settle every deletion in doubt: while a key marked `deleting`
 * is still listed and its DELETE could still reach the exchange (inDoubtConclusiveAt), wait until it cannot and
 * read again. At most one recvWindow and a second; the lease is renewed around the wait.
 */
async function conclusiveList(ctx: StepContext, email: string, client: ExchangeClient): Promise<ListedKey[]> {
  const listed = await listSpecialKeys(client);
  const now = new Set(listed.map((k) => k.apiKey));
  const inDoubt = (await keysOf(ctx.db, ctx.run.id, email)).filter((k) => k.status === 'deleting' && now.has(k.apiKey));
  const until = Math.max(0, ...inDoubt.map((k) => inDoubtConclusiveAt(k.updatedAt.getTime(), DEFAULT_RECV_WINDOW_MS)));
  if (until <= Date.now()) return listed;
  await ctx.heartbeat();
  await new Promise((resolve) => setTimeout(resolve, until - Date.now()));
  await ctx.heartbeat();
  return listSpecialKeys(client);
}

/**
 * Reconciles the run's key rows with the list the exchange shows now: a key no longer listed is deleted
 * (whoever deleted it); a deletion in doubt that is still listed never took effect (resolveInDoubtDeletion);
 * a key listed for the first time joins the run as pending.
 */
async function settle(ctx: StepContext, email: string, listed: ListedKey[]): Promise<void> {
  const now = new Set(listed.map((k) => k.apiKey));
  for (const key of await keysOf(ctx.db, ctx.run.id, email)) {
    if (key.status === 'deleted') continue;
    if (!now.has(key.apiKey)) await setKeyStatus(ctx.db, key.id, 'deleted');
    else if (key.status === 'deleting') await setKeyStatus(ctx.db, key.id, resolveInDoubtDeletion(key.apiKey, now));
  }
  await addKeys(ctx.db, ctx.run.id, email, listed);
}

async function deleteOne(ctx: StepContext, email: string, client: ExchangeClient, key: KeyRow): Promise<void> {
  await setKeyStatus(ctx.db, key.id, 'deleting');
  await ctx.heartbeat();
  try {
    await client.deleteSpecialKey(key.apiKey, key.symbol ?? undefined);
  } catch (error) {
    // Unknown outcome: stays `deleting`, and the list read right after settles it.
    if (outcomeUnknown(error)) return;
    await setKeyStatus(ctx.db, key.id, 'failed', messageOf(error));
    await ctx.audit('exit.key_delete_failed', { account: email, key: key.apiName, symbol: key.symbol, error: messageOf(error) });
    return;
  }
  await ctx.hooks.afterDeleteSent?.({ runId: ctx.run.id, email, apiKey: key.apiKey });
  await setKeyStatus(ctx.db, key.id, 'deleted');
  await ctx.audit('exit.key_deleted', { account: email, key: key.apiName, symbol: key.symbol });
}

import 'server-only';
import { confirmFromReread, cooldownEndsAt, resolveInDoubtExit, type AccountReread, type AccountStage } from '@/lib/exit';
import type { ExchangeClient } from '../exchange';
import { messageOf, neverSent, NO_KEY_REASON, outcomeUnknown, type StepContext } from './context';
import { rereadAccount } from './reads';
import { loadRun, recordConfirmedExit, setStage } from './store';

const WORK: readonly AccountStage[] = ['keys_deleted', 'exit_sending', 'exit_sent'];

/**
 * Step 2 for every account of the run: exit, then confirm by re-reading. Returns true when every account
 * reached an end (confirmed or failed); false when a confirmation read failed and must be tried again.
 */
export async function exitStep(ctx: StepContext): Promise<boolean> {
  const loaded = await loadRun(ctx.db, ctx.run.id);
  let settled = true;
  for (const account of loaded?.accounts ?? []) {
    if (!WORK.includes(account.stage)) continue;
    settled = (await exitAccount(ctx, account.accountEmail, account.stage)) && settled;
  }
  return settled;
}

async function exitAccount(ctx: StepContext, email: string, stage: AccountStage): Promise<boolean> {
  const client = await ctx.clientOf(email);
  if (!client) {
    await fail(ctx, email, NO_KEY_REASON);
    return true;
  }
  let at = stage;
  if (at === 'keys_deleted') {
    const sent = await send(ctx, email, client);
    if (sent !== 'sent') return sent === 'ended';
    at = 'exit_sent';
  }
  try {
    if (at === 'exit_sending') {
      // IN_DOUBT_EXIT_POLICY (lib/exit/machine.ts): re-read, never re-send.
      const resolved = resolveInDoubtExit(await rereadAccount(client));
      if (resolved.stage === 'failed') return fail(ctx, email, resolved.reason).then(() => true);
      await setStage(ctx.db, ctx.run.id, email, 'exit_sent');
      await ctx.audit('exit.in_doubt_resolved', { account: email, resolution: 'accepted as sent after a re-read; not re-sent' });
    }
    await confirm(ctx, email, client, await rereadAccount(client));
    return true;
  } catch (error) {
    // A read failed: the stage stays where it is and the run tries the confirmation again later.
    await setStage(ctx.db, ctx.run.id, email, at, `confirmation pending: ${messageOf(error)}`);
    return false;
  }
}

/** Checks the account is ready, records `exit_sending`, calls the exit, records `exit_sent`. */
async function send(ctx: StepContext, email: string, client: ExchangeClient): Promise<'sent' | 'ended' | 'retry'> {
  let before: AccountReread;
  try {
    before = await rereadAccount(client);
  } catch (error) {
    await fail(ctx, email, `nothing was sent: the account could not be read (${messageOf(error)})`);
    return 'ended';
  }
  const ready = confirmFromReread(before);
  if (ready.stage === 'failed') {
    await fail(ctx, email, `nothing was sent: ${ready.reason.replace(/^not confirmed: /, '')}`);
    return 'ended';
  }
  await setStage(ctx.db, ctx.run.id, email, 'exit_sending');
  await ctx.heartbeat();
  try {
    await client.exitSpecialKeyMode();
  } catch (error) {
    if (neverSent(error)) {
      // Certainly not sent: back to ready, and the run tries again later (an in-doubt exit would be accepted
      // as sent after a re-read, which would record an exit that never happened).
      await setStage(ctx.db, ctx.run.id, email, 'keys_deleted', `exit not sent yet: ${messageOf(error)}`);
      return 'retry';
    }
    if (outcomeUnknown(error)) {
      await setStage(ctx.db, ctx.run.id, email, 'exit_sending', `answer lost: ${messageOf(error)}`);
      return exitAccount(ctx, email, 'exit_sending').then((ended) => (ended ? 'ended' : 'retry'));
    }
    await fail(ctx, email, `the exchange refused the exit: ${messageOf(error)}`);
    return 'ended';
  }
  await ctx.hooks.afterExitSent?.({ runId: ctx.run.id, email });
  await setStage(ctx.db, ctx.run.id, email, 'exit_sent');
  await ctx.audit('exit.called', { account: email, answer: '{}' });
  return 'sent';
}

/**
 * `{}` proves nothing (Binance answers it even outside special-key mode): the exit counts once a re-read
 * shows no special key and no liability. The time recorded is the exchange's own clock (GET /api/v3/time)
 * read right after that re-read (choice: the response Date header is not exposed by the client, and the
 * server-time endpoint is the clock Binance documents).
 */
async function confirm(ctx: StepContext, email: string, client: ExchangeClient, reread: AccountReread): Promise<void> {
  const verdict = confirmFromReread(reread);
  if (verdict.stage === 'failed') return fail(ctx, email, verdict.reason);
  const confirmedAt = new Date(await client.serverTime());
  await ctx.hooks.beforeConfirmationRecorded?.({ runId: ctx.run.id, email });
  const cooldown = cooldownEndsAt(confirmedAt);
  await recordConfirmedExit(ctx.db, ctx.run, email, confirmedAt, cooldown);
  await ctx.audit('exit.confirmed', { account: email, confirmedAt: confirmedAt.toISOString(), cooldownEndsAt: cooldown.toISOString() });
}

async function fail(ctx: StepContext, email: string, reason: string): Promise<void> {
  await setStage(ctx.db, ctx.run.id, email, 'failed', reason);
  await ctx.audit('exit.failed', { account: email, reason });
}

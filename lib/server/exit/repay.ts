import 'server-only';
import { checkRepay, type Liability } from '@/lib/exit';
import { ApiError } from '../api/errors';
import { type AuditActor, writeAudit } from '../audit';
import { findSubKey } from '../connections/store';
import type { Db } from '../db/client';
import { clientFor } from '../exchange-clients';
import { messageOf } from './context';
import { readLiabilities } from './reads';
import { startRefreshAfterChange } from '../refresh/refresh-after-change';

export interface RepayRequest {
  account: string;
  kind: Liability['kind'];
  asset: string;
  amount: string;
}

const refused = (message: string) => new ApiError(422, 'repay_refused', message);

/**
 * Repays one liability that blocks an exit, with the account's normal key (docs/domain.md#keys: borrowing and
 * repaying need a normal key): margin borrowings through borrow-repay REPAY, a LiquidationLoan through
 * liquidation-loan/repay. The amount is checked against a fresh read of what is owed and what the wallet
 * holds before anything is sent; the result is audited and read again. The master's refresh is started, not
 * awaited: `refreshed` settles when it has finished.
 */
export async function repayLiability(db: Db, masterId: string, req: RepayRequest, actor: AuditActor, requestId: string): Promise<{ liabilities: Liability[]; refreshed: Promise<void> }> {
  const row = await findSubKey(db, masterId, req.account);
  if (!row) throw refused(`No normal key of ${req.account} is stored: repaying needs one. Nothing was sent.`);
  const client = clientFor(row);
  const owed = (await readLiabilities(client)).find((l) => l.kind === req.kind && l.asset === req.asset);
  if (!owed) throw refused(`${req.account} owes nothing in ${req.asset} now${req.kind === 'LIQUIDATION_LOAN' ? ' as a LiquidationLoan' : ''}. Nothing was sent.`);
  const check = checkRepay(owed, req.amount);
  if (!check.ok) throw refused(`${check.message} Nothing was sent.`);

  const entry = { account: req.account, kind: req.kind, asset: req.asset, amount: check.amount, owedBefore: owed.owed };
  try {
    if (req.kind === 'MARGIN') await client.borrowRepay({ asset: req.asset, amount: check.amount, type: 'REPAY' });
    else await client.repayLiquidationLoan(req.asset, check.amount);
  } catch (error) {
    await writeAudit({ actor, action: 'exit.repay_failed', target: req.account, after: { ...entry, error: messageOf(error) }, requestId });
    throw error; // apiRoute answers an exchange refusal as 502 exchange_refused
  }
  const after = await readLiabilities(client);
  await writeAudit({ actor, action: 'exit.repay', target: req.account, after: { ...entry, owedAfter: after.find((l) => l.kind === req.kind && l.asset === req.asset)?.owed ?? '0' }, requestId });
  // The repay is done and re-read: answer now; the master's refresh follows, its progress in the header.
  const { done: refreshed } = await startRefreshAfterChange(db, masterId, actor.email);
  return { liabilities: after, refreshed };
}

import 'server-only';
import Decimal from 'decimal.js';
import { and, eq, sql } from 'drizzle-orm';
import type { OutstandingLoanInput } from '@/lib/risk';
import type { OwingAccount } from '@/lib/contracts/overview';
import type { Db } from '../db/client';
import { accountSnapshots } from '../db/schema';

/** The accounts of one refresh that owe an outstanding loan, largest first (the overview's "who owes"). */
export async function owingAccounts(db: Db, refreshId: string): Promise<OwingAccount[]> {
  const rows = await db
    .select({ email: accountSnapshots.accountEmail, loans: sql<OutstandingLoanInput[]>`${accountSnapshots.risk}->'outstandingLoans'` })
    .from(accountSnapshots)
    .where(and(eq(accountSnapshots.refreshId, refreshId), sql`jsonb_array_length(coalesce(${accountSnapshots.risk}->'outstandingLoans', '[]'::jsonb)) > 0`));
  return rows
    .map((r) => {
      // A loan in an unpriced asset adds nothing to the sum, which then reads "≥" (docs/domain.md#status).
      const total = r.loans.reduce((sum, l) => sum.plus(l.valueUsd ?? '0'), new Decimal(0));
      const unpriced = r.loans.some((l) => l.valueUsd === null);
      return { email: r.email, total, ...(unpriced ? { unpriced } : {}), loans: r.loans.map((l) => ({ kind: l.kind, asset: l.asset, remaining: l.remaining, valueUsd: l.valueUsd })) };
    })
    .sort((a, b) => b.total.comparedTo(a.total) || a.email.localeCompare(b.email))
    .map(({ total, ...rest }) => ({ ...rest, valueUsd: total.toFixed() }));
}

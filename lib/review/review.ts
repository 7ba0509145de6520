import type { AccountRow } from '@/lib/contracts/accounts';
import type { ReviewBaseline, ReviewView } from '@/lib/contracts/review';
import { formatLiquidation } from '@/lib/format-table';
import { formatDateTime, formatRatio, formatUsd } from '@/lib/format';
import { worsens } from '@/lib/risk';
import { statusLabel } from '@/lib/risk-labels';

/** (choice) A note without an "OK until" date covers one day: the ops review is daily. */
export const REVIEW_WITHOUT_DATE_MS = 24 * 60 * 60 * 1000;
/** (choice) A margin level (or uniMMR) more than 5 % below the reviewed one is a move past the review; smaller drifts are noise. */
export const LEVEL_DROP_TOLERANCE = 0.05;

/** A status worse than at the review (lib/risk status order); no debt → normal is told as "borrowing started" instead. */
const worse = (from: string, to: string) => worsens(from, to) && !(from === 'NO_DEBT' && to === 'NORMAL');

/** What a review note records of the account, so a later refresh can tell whether the account moved past it. */
export function baselineOf(row: AccountRow, refreshId: string): ReviewBaseline {
  return {
    refreshId,
    dataAt: row.dataAt,
    status: row.status,
    level: row.level,
    liquidation: row.liquidation,
    outstandingLoanUsd: row.outstandingLoanUsd,
    specialKeys: row.keys.special,
    bound: row.bound,
  };
}

export type LatestReview = { by: string; at: string; okUntil: string | null; baseline: ReviewBaseline | null };

/**
 * Whether the last review still covers the account: never reviewed, past its "OK until" (or a day old without
 * one), recorded without a baseline, or the account moved past what it was (a worse status, a level fallen
 * beyond the tolerance, debt where there was none) all make it due, each with its reason in words.
 */
export function reviewState(review: LatestReview | null, row: AccountRow, now: Date): ReviewView {
  if (!review) return { state: 'never', reviewedBy: null, reviewedAt: null, okUntil: null, dueAt: null, reasons: ['never reviewed'] };
  const dueAt = review.okUntil ?? new Date(Date.parse(review.at) + REVIEW_WITHOUT_DATE_MS).toISOString();
  const reasons: string[] = [];
  if (Date.parse(dueAt) <= now.getTime()) reasons.push(review.okUntil ? `OK until ${formatDateTime(review.okUntil)} has passed` : 'reviewed more than a day ago');
  const b = review.baseline;
  if (!b) reasons.push('no record of the account at the review');
  else {
    if (worse(b.status, row.status)) reasons.push(`status moved from ${statusLabel(b.status).label} to ${statusLabel(row.status).label}`);
    const [was, is] = [b.level.value, row.level.value];
    const name = row.level.kind === 'uniMMR' ? 'uniMMR' : 'margin level';
    if (was === null && is !== null) reasons.push(`borrowing started (${name} ${formatRatio(is)})`);
    if (was !== null && is !== null && Number(is) < Number(was) * (1 - LEVEL_DROP_TOLERANCE)) reasons.push(`${name} fell from ${formatRatio(was)} to ${formatRatio(is)}`);
  }
  return { state: reasons.length > 0 ? 'due' : 'ok', reviewedBy: review.by, reviewedAt: review.at, okUntil: review.okUntil, dueAt, reasons };
}

export type Change = { what: string; before: string; after: string };

/** Everything the account page compares with the last review, as "what: before → after", only where it differs. */
export function changesSince(b: ReviewBaseline, row: AccountRow): Change[] {
  const level = (v: string | null) => (v === null ? 'none (no debt)' : formatRatio(v));
  const bound = (v: boolean | null) => (v === true ? 'bound' : v === false ? 'not bound' : 'unknown');
  const all: Change[] = [
    { what: 'Status', before: statusLabel(b.status).label, after: statusLabel(row.status).label },
    { what: row.level.kind === 'uniMMR' ? 'uniMMR' : 'Margin level', before: level(b.level.value), after: level(row.level.value) },
    { what: 'Liquidates at', before: formatLiquidation(b.liquidation), after: formatLiquidation(row.liquidation) },
    { what: 'Outstanding loan', before: formatUsd(b.outstandingLoanUsd, 2), after: formatUsd(row.outstandingLoanUsd, 2) },
    { what: 'Special keys', before: b.specialKeys === null ? 'unknown' : String(b.specialKeys), after: row.keys.special === null ? 'unknown' : String(row.keys.special) },
    { what: 'LiquidationLoan rule', before: bound(b.bound), after: bound(row.bound) },
  ];
  return all.filter((c) => c.before !== c.after);
}

// The JSON contract of /api/reviews and of a note's review baseline: the ops review queue (issue 17).
import type { AccountStatus, ShockCrossing } from '@/lib/risk';

/** The account as a review note found it: what a later refresh is compared with. */
export type ReviewBaseline = {
  refreshId: string;
  dataAt: string;
  status: AccountStatus;
  level: { kind: 'ML' | 'uniMMR'; value: string | null };
  liquidation: ShockCrossing | null;
  outstandingLoanUsd: string;
  specialKeys: number | null;
  bound: boolean | null;
};

/** `never`: no note yet; `due`: the last review no longer covers the account (`reasons` say why); `ok`: it does until `dueAt`. */
export type ReviewView = {
  state: 'never' | 'ok' | 'due';
  reviewedBy: string | null;
  reviewedAt: string | null;
  okUntil: string | null;
  dueAt: string | null;
  reasons: string[];
};

export type ReviewQueue = {
  /** The refresh the states were judged against; null before the first refresh. */
  refreshId: string | null;
  reviews: Record<string, ReviewView>;
  due: number;
  total: number;
};

export const REVIEWS_QUERY_KEY = ['reviews'] as const;

import type { AccountMode, AccountStatus, ApplicabilityRule } from '@/lib/risk';
import type { Liability } from './liabilities';
import type { Verdict } from './review';
import type { AccountStage, Command, KeyStatus, RunPhase } from './types';

/** One account on the review step, as the API sends it. */
export interface ExitReviewAccount {
  email: string;
  mode: AccountMode;
  rule: ApplicabilityRule;
  ruleReason: string;
  status: AccountStatus;
  specialKeys: number | null;
  liabilities: Liability[];
  verdict: Verdict;
  dataAt: string;
  stale: boolean;
}

export interface ExitRunSummary {
  id: string;
  phase: RunPhase;
  createdAt: string;
  createdByEmail: string | null;
  finishedAt: string | null;
}

export interface ExitOverview {
  masterId: string | null;
  dataAt: string | null;
  accounts: ExitReviewAccount[];
  activeRunId: string | null;
  runs: ExitRunSummary[];
}

export interface ExitRunKeyView {
  name: string | null;
  /** The last characters only: enough to tell keys apart, nothing more leaves the server. */
  keyTail: string;
  symbol: string | null;
  status: KeyStatus;
  error: string | null;
}

export interface ExitRunAccountView {
  email: string;
  stage: AccountStage;
  reason: string | null;
  confirmedAt: string | null;
  cooldownEndsAt: string | null;
  keys: ExitRunKeyView[];
}

export interface ExitAuditEntry {
  at: string;
  action: string;
  actorEmail: string | null;
  detail: unknown;
}

export interface ExitRunView extends ExitRunSummary {
  version: number;
  working: boolean;
  commands: Command[];
  accounts: ExitRunAccountView[];
  audit: ExitAuditEntry[];
}

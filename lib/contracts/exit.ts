// The exit wizard's wire contract: what GET /api/exit and /api/exit/runs/[id] answer, the commands' request
// schemas, paths and query keys; shared by the routes, the server read model and the wizard.
import { z } from 'zod';
import type { AccountMode, AccountStatus, ApplicabilityRule } from '@/lib/risk';
import type { BindingView } from './binding';
import type { Liability } from '@/lib/exit/liabilities';
import type { Verdict } from '@/lib/exit/review';
import type { AccountStage, Command, KeyStatus, RunPhase } from '@/lib/exit/types';

/** A special key as the review shows it before step 1: never the whole API key (docs/security.md, "Key fingerprints"). */
export interface ExitReviewKey {
  name: string | null;
  keyTail: string;
  symbol: string | null;
}

/** One account on the review step, as the API sends it. */
export interface ExitReviewAccount {
  email: string;
  mode: AccountMode;
  rule: ApplicabilityRule;
  ruleReason: string;
  /** The binding verdict with its evidence: the same view the account page and the Keys page show. */
  binding: BindingView;
  status: AccountStatus;
  specialKeys: number | null;
  /** The special keys the latest refresh listed, each by name and last 4 characters: what step 1 would delete. */
  keys: ExitReviewKey[];
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
  /** A step was left unfinished by an instance that stopped: the sweep or an owner's "resume now" takes it up. */
  stalled: boolean;
  commands: Command[];
  accounts: ExitRunAccountView[];
  audit: ExitAuditEntry[];
}

export const EXIT_PATH = '/api/exit';
export const EXIT_REPAY_PATH = '/api/exit/repay';
export const EXIT_RUNS_PATH = '/api/exit/runs';
export const exitRunPath = (id: string) => `${EXIT_RUNS_PATH}/${id}`;
export type RunCommandName = 'delete-keys' | 'exit' | 'cancel' | 'resume';
export const exitRunCommandPath = (id: string, command: RunCommandName) => `${exitRunPath(id)}/${command}`;

export const exitQueryKeys = {
  all: ['exit'] as const,
  overview: ['exit', 'overview'] as const,
  run: (id: string) => ['exit', 'run', id] as const,
};

/** GET /api/exit: which master (default: the first stored). */
export const exitOverviewQuerySchema = z.object({ masterId: z.uuid().optional() });

/** POST /api/exit/runs: the accounts chosen on the review step. */
export const startRunSchema = z.object({ masterId: z.uuid().optional(), accounts: z.array(z.email()).min(1, 'choose at least one account').max(1000) });

export const runParamsSchema = z.object({ id: z.uuid() });
/** Every command names the run version the person saw (optimistic concurrency). */
export const runVersionSchema = z.object({ version: z.number().int().min(1) });
/** Step 2 also carries the typed confirmation. */
export const exitCommandSchema = runVersionSchema.extend({ confirmation: z.string().max(100) });

/** POST /api/exit/repay: one liability that blocks an exit. */
export const repaySchema = z.object({
  masterId: z.uuid().optional(),
  account: z.email(),
  kind: z.enum(['MARGIN', 'LIQUIDATION_LOAN']),
  asset: z.string().regex(/^[A-Z0-9]{2,20}$/, 'an asset symbol such as ETH'),
  amount: z.string().max(40),
});

// The refresh's wire contract: one RefreshInfo for every page that says which refresh its figures come
// from (accounts, account detail, overview, the header's status), GET/POST /api/refresh and its query key.
import { z } from 'zod';

export type RefreshRunStatus = 'running' | 'ok' | 'partial' | 'failed';

/** One refresh run as pages see it. */
export interface RefreshInfo {
  id: string;
  status: RefreshRunStatus;
  startedAt: string;
  finishedAt: string | null;
  accountsTotal: number;
  accountsDone: number;
  currentStep: string | null;
  /** While running: the exchange asked to wait (a 429's Retry-After) until then. */
  waitingUntil: string | null;
  /** The first few errors (`REFRESH_ERRORS_SHOWN`); `errorCount` says how many there were. */
  errors: { account: string | null; step: string; message: string }[];
  errorCount: number;
}

export const REFRESH_ERRORS_SHOWN = 20;

/** What GET /api/refresh answers: the header's refresh status. */
export interface RefreshStatus {
  masterId: string | null;
  running: boolean;
  newest: RefreshInfo | null;
  /** The newest finished run: its failure stays on screen while the next one runs, until one succeeds. */
  lastFinished: RefreshInfo | null;
  /** When the data pages show was read. */
  dataAt: string | null;
  /** Accounts whose figures in the shown data are stale: the same count the Overview and Accounts list. */
  staleCount: number;
}

export const REFRESH_PATH = '/api/refresh';
export const refreshStatusQueryKey = ['refresh-status'] as const;

/** GET's query and POST's body: which master (default: the first stored). */
export const refreshMasterSchema = z.object({ masterId: z.uuid().optional() });

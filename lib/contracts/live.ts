import type { AccountStatus } from '@/lib/risk';

/** The live wire contract (SSE `/api/live`), shared by the route, the stream manager and the browser hook. */

export type LiveAccount = {
  email: string;
  /** The status shown: the exchange's pushed status when it is newer than our last REST read, else ours. */
  status: AccountStatus;
  statusSource: 'exchange' | 'computed';
  /** Ours, from balances × live prices through the risk engine; shown beside the exchange's when they differ. */
  computedStatus: AccountStatus;
  /** Exact decimal strings (docs/domain.md#exposure); null margin level without debt. */
  marginLevel: string | null;
  /** Cross margin: the margin level the exchange pushed with its status; null before any push, and for PM Pro. */
  reportedMarginLevel: string | null;
  /**
   * Portfolio Margin Pro only (else null): uniMMR, the exchange's pushed figure (PM_PRO_ACCOUNT_UPDATE, a risk level
   * change) once newer than the last REST read, else the refresh's equity / maintenance margin.
   */
  uniMMR: string | null;
  assetsUsd: string;
  liabilitiesUsd: string;
  equityUsd: string;
  /** Owed at the first shock that produces one, as the engine's estimate (a float), for the row's figure. */
  owedAtWorst: number;
  /** Exchange time (ms) of the newest event reflected here. */
  updatedAt: number;
  /** Null while live; else since when (ms) this account's figures are not live (stream down, key expired, bad data). */
  delayedSince: number | null;
};

export type LiveConnectionState = { state: 'live' | 'delayed' | 'off'; since: number | null; reason: string | null };

export type LiveMessage =
  | { type: 'hello'; masterId: string; refreshId: string | null; market: LiveConnectionState; accounts: LiveAccount[] }
  | { type: 'accounts'; accounts: LiveAccount[] }
  | { type: 'market'; market: LiveConnectionState };

export const LIVE_EVENT = 'live';

/** The browser's copy of the live state, held in the TanStack Query cache under LIVE_QUERY_KEY. */
export type LiveView = {
  /** The EventSource is open and the server said hello. */
  connected: boolean;
  /** Since when (ms) the page has had no live connection; null while connected. */
  lostSince: number | null;
  market: LiveConnectionState;
  accounts: Record<string, LiveAccount>;
  /** When (browser ms) each account's shown figures last changed: rows flash what moved. */
  movedAt: Record<string, number>;
};

export const LIVE_QUERY_KEY = ['live'] as const;

export const EMPTY_LIVE: LiveView = { connected: false, lostSince: null, market: { state: 'off', since: null, reason: null }, accounts: {}, movedAt: {} };

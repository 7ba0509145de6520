import 'server-only';
import type { LimitScope } from './endpoints';

// What one client did: the refresh records it per run and the benchmark prints it (issue 5).
export type ClientStats = {
  requests: number; // HTTP attempts sent, retries included
  retries: number;
  resyncs: number; // clock resyncs after -1021
  rateLimited429: number;
  banned418: number;
  weightByEndpoint: Record<string, number>; // documented weight of every attempt, by "METHOD /path"
  weightByScope: Record<LimitScope, number>;
};

export function emptyStats(): ClientStats {
  return {
    requests: 0,
    retries: 0,
    resyncs: 0,
    rateLimited429: 0,
    banned418: 0,
    weightByEndpoint: {},
    weightByScope: { API_IP: 0, SAPI_IP: 0, SAPI_UID: 0, FAPI_IP: 0 },
  };
}

export function recordAttempt(stats: ClientStats, endpoint: string, scope: LimitScope, weight: number): void {
  stats.requests += 1;
  stats.weightByEndpoint[endpoint] = (stats.weightByEndpoint[endpoint] ?? 0) + weight;
  stats.weightByScope[scope] += weight;
}

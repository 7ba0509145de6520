import 'server-only';
import type { ClientStats } from '../exchange';

/** One refresh uses a client per key; its record sums them. */
export function mergeStats(all: ClientStats[]): ClientStats {
  const total: ClientStats = { requests: 0, retries: 0, resyncs: 0, rateLimited429: 0, banned418: 0, weightByEndpoint: {}, weightByScope: { API_IP: 0, SAPI_IP: 0, SAPI_UID: 0, FAPI_IP: 0 } };
  for (const s of all) {
    total.requests += s.requests;
    total.retries += s.retries;
    total.resyncs += s.resyncs;
    total.rateLimited429 += s.rateLimited429;
    total.banned418 += s.banned418;
    for (const [k, v] of Object.entries(s.weightByEndpoint)) total.weightByEndpoint[k] = (total.weightByEndpoint[k] ?? 0) + v;
    for (const k of Object.keys(total.weightByScope) as (keyof ClientStats['weightByScope'])[]) total.weightByScope[k] += s.weightByScope[k];
  }
  return total;
}

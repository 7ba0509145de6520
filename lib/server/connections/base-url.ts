import 'server-only';
import { getEnv } from '@/lib/env';

export const BINANCE_BASE_URL = 'https://api.binance.com';

/**
 * The base URL the add form proposes. Demo mode talks to the bundled simulator on loopback; otherwise the
 * configured exchange (MARGINWATCH_EXCHANGE_URL) or the real Binance.
 */
export function defaultBaseUrl(): string {
  const env = getEnv();
  if (env.demo) return `http://127.0.0.1:${env.MARGINWATCH_SIM_PORT}`;
  return (env.MARGINWATCH_EXCHANGE_URL ?? BINANCE_BASE_URL).replace(/\/+$/, '');
}

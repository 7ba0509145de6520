import 'server-only';
import { loadKeyring } from './crypto/keyring';
import { unseal } from './crypto/seal';
import type { connections } from './db/schema';
import { createExchangeClient, type ExchangeClient, type ExchangeCredentials } from './exchange';

type ConnectionRow = typeof connections.$inferSelect;

/** Stored connections are always normal keys: the connections form refuses special keys (DESIGN §2). */
export function credentialsOf(row: ConnectionRow): ExchangeCredentials {
  const secret = unseal(row.sealedSecret, loadKeyring().all);
  const signer =
    row.signerType === 'HMAC'
      ? ({ type: 'HMAC', secret } as const)
      : ({ type: row.signerType, privateKeyPem: secret } as const);
  return { apiKey: row.apiKey, keyKind: 'normal', signer };
}

export function clientFor(row: ConnectionRow): ExchangeClient {
  return createExchangeClient({
    baseUrl: row.baseUrl,
    credentials: credentialsOf(row),
    accountId: row.accountEmail ?? `master:${row.id}`,
  });
}

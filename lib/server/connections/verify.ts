import 'server-only';
import type { KeyPermissions } from '@/lib/contracts/connections';
import { createExchangeClient, ExchangeError, type ExchangeClientOptions, type ExchangeSigner } from '@/lib/server/exchange';
import { knownSpecial, listedAsSpecial, SAPI_REFUSED, SPECIAL_KEY_REFUSED } from './special-key';

export type KeyCheck =
  | { ok: true; permissions: KeyPermissions }
  | { ok: false; code: 'special_key' | 'exchange_refused' | 'unreachable'; reason: string };

export interface VerifyInput {
  baseUrl: string;
  apiKey: string;
  signer: ExchangeSigner;
}

// A person is waiting on the form: fail within seconds rather than the client's 10 s × 3 retries.
const CHECK_TIMEOUT_MS = 8000;
const CHECK_RETRIES = 1;

/**
 * The live check done before a key is stored or its secret replaced: the key's restrictions, a margin read,
 * and the special-key rule (special-key.ts). Never throws for an exchange answer: the result says why.
 */
export async function verifyKey(input: VerifyInput, options: Pick<ExchangeClientOptions, 'fetch' | 'budget'> = {}): Promise<KeyCheck> {
  if (await knownSpecial(input.apiKey)) return { ok: false, code: 'special_key', reason: SPECIAL_KEY_REFUSED };
  const client = createExchangeClient({
    ...options,
    baseUrl: input.baseUrl,
    credentials: { apiKey: input.apiKey, keyKind: 'normal', signer: input.signer },
    timeoutMs: CHECK_TIMEOUT_MS,
    maxRetries: CHECK_RETRIES,
  });
  try {
    const restrictions = await client.getApiRestrictions().catch((e: unknown) => {
      if (e instanceof ExchangeError && e.code === -2015) throw new ExchangeError({ code: -2015, message: SAPI_REFUSED });
      throw e;
    });
    const margin = await client.getMarginAccount();
    // Special keys are listed only for a key with Spot & Margin trading ("Query Special key List (TRADE)"). A
    // key without it cannot list them, nor is it one: special keys trade, and /sapi already refused none here.
    if (restrictions.enableSpotAndMarginTrading && (await listedAsSpecial(client, input.apiKey))) {
      return { ok: false, code: 'special_key', reason: SPECIAL_KEY_REFUSED };
    }
    const warnings: string[] = [];
    if (restrictions.enableWithdrawals) warnings.push('Withdrawals are enabled on this key: a read-only dashboard never needs them. Disable withdrawals on the exchange.');
    if (!restrictions.ipRestrict) warnings.push('No IP whitelist: anyone holding the key can use it from anywhere. Restrict it to this server’s IP.');
    return {
      ok: true,
      permissions: {
        ipRestrict: restrictions.ipRestrict,
        enableReading: restrictions.enableReading,
        enableMargin: restrictions.enableMargin,
        enableSpotAndMarginTrading: restrictions.enableSpotAndMarginTrading,
        enableWithdrawals: restrictions.enableWithdrawals,
        enableInternalTransfer: restrictions.enableInternalTransfer ?? false,
        enableFutures: restrictions.enableFutures ?? false,
        permitsUniversalTransfer: restrictions.permitsUniversalTransfer ?? false,
        accountType: margin.accountType ?? null,
        verifiedAt: new Date().toISOString(),
        warnings,
      },
    };
  } catch (e) {
    if (!(e instanceof ExchangeError)) throw e;
    const unreachable = e.code === 'NETWORK' || e.code === 'TIMEOUT' || e.code === 'BAD_RESPONSE' || e.code === 'SERVER_ERROR';
    return {
      ok: false,
      code: unreachable ? 'unreachable' : 'exchange_refused',
      reason: unreachable ? `Could not check the key at ${input.baseUrl}: ${e.message}` : `The exchange did not accept the key: ${e.message}`,
    };
  }
}

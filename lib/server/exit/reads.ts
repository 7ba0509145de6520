import 'server-only';
import { describeLiability, liabilitiesOf, type AccountReread, type Liability } from '@/lib/exit';
import type { ExchangeClient } from '../exchange';
import { isNoMarginAccount, listAllSpecialKeys, orNull } from '../exchange/special-key-list';

export interface ListedKey {
  apiKey: string;
  apiName: string;
  symbol: string | null;
}

/** Every special key of the account: the cross list (no `symbol`) and each isolated pair's own list. */
export async function listSpecialKeys(client: ExchangeClient): Promise<ListedKey[]> {
  return (await listAllSpecialKeys(client)).map((k) => ({ apiKey: k.apiKey, apiName: k.apiName, symbol: k.symbol }));
}

/**
 * The cross wallet's liabilities and an outstanding LiquidationLoan, read now with the account's normal key;
 * with a loan, the spot wallet too (GET /api/v3/account), since that is where Binance takes the repayment from.
 */
export async function readLiabilities(client: ExchangeClient): Promise<Liability[]> {
  const [margin, loan] = await Promise.all([orNull(client.getMarginAccount(), isNoMarginAccount), orNull(client.getLiquidationLoan(), isNoMarginAccount)]);
  const spot = loan ? (await client.getSpotAccount()).balances : [];
  return liabilitiesOf(margin?.userAssets ?? [], loan ? { asset: loan.asset, remaining: loan.remainingAmount } : null, spot);
}

/** What the exit needs to see on the account: no special key and no liability (docs/domain.md#exit). */
export async function rereadAccount(client: ExchangeClient): Promise<AccountReread> {
  const [keys, liabilities] = await Promise.all([listSpecialKeys(client), readLiabilities(client)]);
  return { specialKeys: keys.map((k) => k.apiKey), liabilities: liabilities.map(describeLiability) };
}

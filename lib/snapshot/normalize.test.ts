import { describe, expect, it } from 'vitest';
import { aggregateMaster, evaluateAccount } from '@/lib/risk';
import type { MarginAccount } from '@/lib/schemas/exchange';
import { toRiskInput, type AccountReads } from './normalize';
import { priceBook } from './prices';

const book = priceBook([{ symbol: 'BTCUSDT', price: '50000' }]);
const history = { termsSigned: true, everCreated: false, exitConfirmedAt: null };
const userAsset = (asset: string, free: string, borrowed: string) => ({ asset, free, locked: '0', borrowed, interest: '0', netAsset: '0' });

function reads(assets: ReturnType<typeof userAsset>[], marginLevel = '1.8'): AccountReads {
  const margin = { borrowEnabled: true, marginLevel, totalAssetOfBtc: '0', totalLiabilityOfBtc: '0', totalNetAssetOfBtc: '0', tradeEnabled: true, accountType: 'MARGIN_1', userAssets: assets } as MarginAccount;
  return {
    email: 'odd@desk.example',
    subMargin: null,
    own: { margin, tradeCoeff: { normalBar: '2', marginCallBar: '1.5', forceLiquidationBar: '1.1' }, isolated: null, portfolio: null, pmLoan: null, liquidationLoan: null, specialKeys: [] },
  };
}

describe('unknown is never zero: an asset without a price', () => {
  // The case: an unpriced asset plus a 50,000 USDT debt. Before, the whole account read as zero.
  const input = toRiskInput(reads([userAsset('XYZ', '1000', '0'), userAsset('USDT', '0', '50000')]), history, book);
  const risk = evaluateAccount(input);

  it('is named, and the priced debt stays in the totals', () => {
    expect(input.unpriced).toEqual([{ asset: 'XYZ', held: '1000', owed: '0' }]);
    expect(risk.totals).toMatchObject({ assetsUsd: '0', liabilitiesUsd: '50000' });
    expect(risk.unpriced).toEqual([{ asset: 'XYZ', held: '1000', owed: '0' }]);
  });

  it('makes the status "incomplete data", never "No debt" or "Normal"', () => {
    expect(risk).toMatchObject({ status: 'INCOMPLETE', statusSource: 'no price for XYZ' });
  });

  it('an unpriced borrowing is still a debt', () => {
    const owed = evaluateAccount(toRiskInput(reads([userAsset('XYZ', '0', '5')], '999'), history, book));
    expect(owed.status).not.toBe('NO_DEBT');
    expect(owed.status).toBe('INCOMPLETE');
  });

  it('Binance reporting a worse status still wins over "incomplete"', () => {
    const worse = evaluateAccount(toRiskInput(reads([userAsset('XYZ', '1000', '0'), userAsset('USDT', '0', '50000')], '1.2'), history, book));
    expect(worse.status).toBe('MARGIN_CALL');
  });

  it('the master totals say how much is unpriced', () => {
    const master = aggregateMaster([risk, evaluateAccount(toRiskInput(reads([userAsset('XYZ', '0.5', '2'), userAsset('BTC', '1', '0')]), history, book))]);
    expect(master.unpriced).toEqual({ accounts: 2, byAsset: [{ asset: 'XYZ', held: '1000.5', owed: '2' }] });
    expect(master.totals).toMatchObject({ assetsUsd: '50000', liabilitiesUsd: '50000' });
  });
});

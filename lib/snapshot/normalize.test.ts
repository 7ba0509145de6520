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
    const xyz = { asset: 'XYZ', held: '1000', owed: '0', balance: { free: '1000', locked: '0', borrowed: '0', interest: '0' } };
    expect(input.unpriced).toEqual([xyz]);
    expect(risk.totals).toMatchObject({ assetsUsd: '0', liabilitiesUsd: '50000' });
    expect(risk.unpriced).toEqual([xyz]);
  });

  it('makes the status "incomplete data", never "No debt" or "Normal"', () => {
    expect(risk).toMatchObject({ status: 'INCOMPLETE', statusSource: 'no price for XYZ; Binance marginLevel 1.8 (bars 1.5 / 1.1)' });
  });

  it('shows no margin level of ours and solves no liquidation shock: both would leave XYZ out', () => {
    expect(risk.marginLevel).toBeNull();
    expect(risk.shocks).toEqual({ liquidation: null, bankruptcy: null, deficitOnset: null });
    expect(risk.reconciliation).toMatchObject({ reported: '1.8', anchoredBar: null });
    expect(risk.deficitBound).toBe('AT_MOST');
  });

  it('a loan in an asset without a price is kept, valued null and named, never a failed valuation', () => {
    const r = reads([userAsset('USDT', '100', '0')]);
    r.own!.liquidationLoan = { asset: 'XYZ', remainingAmount: '7' };
    const loanRisk = evaluateAccount(toRiskInput(r, history, book));
    expect(loanRisk.outstandingLoans).toEqual([{ kind: 'LIQUIDATION_LOAN', asset: 'XYZ', remaining: '7', valueUsd: null }]);
    expect(loanRisk.unpriced).toEqual([{ asset: 'XYZ (LiquidationLoan)', held: '0', owed: '7' }]);
    expect(loanRisk.status).toBe('LOAN_OUTSTANDING');
    expect(loanRisk.deficitBound).toBe('AT_LEAST');
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

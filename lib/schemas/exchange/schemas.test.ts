import { describe, expect, it } from 'vitest';
import { docExamples as ex } from './doc-examples.fixture';
import {
  apiRestrictionsSchema,
  createSpecialKeySchema,
  decimalStringSchema,
  forceLiquidationRecSchema,
  isolatedAccountSchema,
  liquidationLoanRepayHistorySchema,
  liquidationLoanSchema,
  marginAccountSchema,
  marginTradeCoeffSchema,
  portfolioAccountSchema,
  portfolioLoanSchema,
  priceIndexSchema,
  specialKeyListSchema,
  subAccountApiKeysSchema,
  subAccountListSchema,
  subAccountMarginAccountSchema,
  subAccountMarginSummarySchema,
  tickerPriceSchema,
} from './index';

describe('exchange response schemas accept the documented examples', () => {
  it.each([
    ['margin account', marginAccountSchema, ex.marginAccount],
    ['tradeCoeff', marginTradeCoeffSchema, ex.tradeCoeff],
    ['isolated account', isolatedAccountSchema, ex.isolatedAccount],
    ['forceLiquidationRec', forceLiquidationRecSchema, ex.forceLiquidationRec],
    ['priceIndex', priceIndexSchema, ex.priceIndex],
    ['special key list', specialKeyListSchema, ex.specialKeyList],
    ['create special key', createSpecialKeySchema, ex.createSpecialKey],
    ['liquidation loan repay history', liquidationLoanRepayHistorySchema, ex.liquidationLoanRepayHistory],
    ['portfolio account', portfolioAccountSchema, ex.portfolioAccount],
    ['portfolio loan', portfolioLoanSchema, ex.portfolioLoan],
    ['sub-account list', subAccountListSchema, ex.subAccountList],
    ['sub-account margin summary', subAccountMarginSummarySchema, ex.subAccountMarginSummary],
    ['sub-account margin account', subAccountMarginAccountSchema, ex.subAccountMarginAccount],
    ['sub-account api keys', subAccountApiKeysSchema, ex.subAccountApiKeys],
    ['api restrictions', apiRestrictionsSchema, ex.apiRestrictions],
  ] as const)('%s', (_name, schema, example) => {
    expect(schema.safeParse(example).success).toBe(true);
  });
});

describe('money stays a decimal string', () => {
  it('keeps the exact digits of amounts', () => {
    const parsed = marginAccountSchema.parse(ex.marginAccount);
    expect(parsed.userAssets[1]?.borrowed).toBe('201.66666672');
    expect(typeof parsed.marginLevel).toBe('string');
  });

  it.each([['1.5', true], ['-0.1', true], ['100', true], ['1e-8', false], ['1,000.0', false], ['', false], ['.5', false]])(
    '%s → %s',
    (input, ok) => {
      expect(decimalStringSchema.safeParse(input).success).toBe(ok);
    },
  );

  it('rejects an amount sent as a JSON number (precision would already be lost)', () => {
    const bad = { ...ex.marginAccount, marginLevel: 11.64405625 };
    const result = marginAccountSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['marginLevel']);
  });
});

describe('liquidation loan', () => {
  it('parses an outstanding loan', () => {
    expect(liquidationLoanSchema.parse(ex.liquidationLoan)).toMatchObject({ remainingAmount: '700.00000000' });
  });
  it.each([[null], [{}]])('reads %j as "no loan"', (body) => {
    expect(liquidationLoanSchema.parse(body)).toBeNull();
  });
  it('does not read a partial loan as "no loan"', () => {
    expect(liquidationLoanSchema.safeParse({ asset: 'USDC' }).success).toBe(false);
  });
});

describe('ticker price', () => {
  it('normalises the single-symbol object to an array', () => {
    expect(tickerPriceSchema.parse(ex.tickerPrice)).toEqual([ex.tickerPrice]);
    expect(tickerPriceSchema.parse(ex.tickerPrices)).toHaveLength(2);
  });
});

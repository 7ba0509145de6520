import { describe, expect, it } from 'vitest';
import { draftOf, EXAMPLE_DRAFT, formError, shocksOf, withFalls } from './draft';

describe('scenario drafts', () => {
  it('turn into shocks by asset, upper-cased, blank rows left out', () => {
    const d = { ...EXAMPLE_DRAFT, rows: [...EXAMPLE_DRAFT.rows, { asset: ' sol ', percent: '-50' }, { asset: '', percent: '-1' }] };
    expect(shocksOf(d)).toEqual({ byAsset: { BTC: '-30', ETH: '-45', SOL: '-50' }, alts: '-60', stables: '0' });
    expect(shocksOf(draftOf('x', shocksOf(d)))).toEqual(shocksOf(d));
  });

  it('take the worst falls: named rows updated, others added', () => {
    expect(withFalls(EXAMPLE_DRAFT, { BTC: '-12.5', XRP: '-20' }).rows).toEqual([
      { asset: 'BTC', percent: '-12.5' },
      { asset: 'ETH', percent: '-45' },
      { asset: 'XRP', percent: '-20' },
    ]);
  });
});

describe('scenario form errors', () => {
  it.each([
    ['Invalid body: shocks.stables: a shock must be above -100 %', 'Stablecoins: a shock must be above -100 %'],
    ['Invalid body: shocks.byAsset.BTC: “x” is not a percentage', 'BTC: “x” is not a percentage'],
    ['Invalid body: name: A scenario needs a name.', 'Name: A scenario needs a name.'],
    ['Request failed (500)', 'Request failed (500)'],
  ])('%s reads %s', (api, shown) => expect(formError(api)).toBe(shown));
});

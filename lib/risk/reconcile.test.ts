import { describe, expect, it } from 'vitest';
import { Dec } from './decimal';
import { evaluateAccount } from './evaluate';
import { reconcile } from './reconcile';
import { account, asset } from './test-support';

// ML = 55,000 / 45,000 = 11/9 = 1.2222…; bars 1.3 / 1.1 (test-support's account).
const longWallet = [asset('BTC', { free: '1.1', price: '50000' }), asset('USDT', { borrowed: '45000', price: '1' })];
const ours = new Dec(11).div(9);

describe('reconcile: our margin level against Binance\'s (tolerance 0.5 %)', () => {
  it.each([
    ['the same figure', '1.22222222', false],
    ['0.4 % apart: within tolerance', '1.22711111', false],
    ['0.6 % apart: flagged', '1.22955556', true],
    ['Binance far higher (index prices)', '1.3', true],
  ])('%s', (_name, reported, diverges) => {
    expect(reconcile(ours, reported, '1.1')).toMatchObject({ reported, diverges, tolerance: '0.005' });
  });

  it('nothing to reconcile: no debt, the 999 sentinel, a non-decimal or a missing report', () => {
    expect(reconcile(null, '1.2', '1.1')).toBeNull();
    expect(reconcile(ours, '999', '1.1')).toBeNull();
    expect(reconcile(ours, 'n/a', '1.1')).toBeNull();
    expect(reconcile(ours, null, '1.1')).toBeNull();
  });
});

describe('evaluateAccount: the liquidation shock is anchored to Binance\'s level at s = 0', () => {
  it('agreeing figures: the shock is ours (−10 %)', () => {
    const r = evaluateAccount(account({ assets: longWallet, reportedMarginLevel: '1.22222222' }));
    expect(r.reconciliation).toMatchObject({ diverges: false });
    expect(r.shocks.liquidation!.shock).toBeCloseTo(-0.1, 6);
  });

  it('Binance reports 1.3 (= the call bar): margin call from Binance, the shock anchored, the row flagged', () => {
    const r = evaluateAccount(account({ assets: longWallet, reportedMarginLevel: '1.3' }));
    // Anchored ML(s) = ours(s)·1.3/(11/9) reaches 1.1 where 55,000x/45,000 = 1.1·(11/9)/1.3 → x = 0.846153…
    expect(r.shocks.liquidation!.shock).toBeCloseTo(1.1 / 1.3 - 1, 9);
    expect(r.reconciliation).toMatchObject({ reported: '1.3', diverges: true, divergence: expect.stringMatching(/^0\.0598/) });
    expect(r.status).toBe('MARGIN_CALL');
    expect(r.statusSource).toMatch(/^Binance marginLevel 1.3/);
    // The deficit curve is about fills at prices, not Binance's level: unchanged.
    expect(r.curve.find((p) => p.shock === -0.4)!.deficit).toBeCloseTo(12330, 6);
  });

  it('Binance reports a level above the bars while ours is in margin call: the status is Binance\'s', () => {
    const r = evaluateAccount(account({ assets: longWallet, reportedMarginLevel: '1.5' }));
    expect(r.status).toBe('NORMAL');
    expect(r.marginLevel).toBe('1.2222222222222222222');
  });
});

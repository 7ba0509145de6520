import { describe, expect, it } from 'vitest';
import { account, asset } from '@/lib/risk/test-support';
import { LiveBook } from './book';
import { parseFrame } from './stream-events';

// 10 BTC at 100,000 against 800,000 USDT: margin level 1.25 (bars 1.3 / 1.1).
const long = () =>
  account({ email: 'long@desk.example', assets: [asset('BTC', { free: '10', price: '100000' }), asset('USDT', { borrowed: '800000', price: '1' })] });
const flat = () => account({ email: 'flat@desk.example', assets: [asset('ETH', { free: '1', price: '4000' })] });

function book() {
  const b = new LiveBook();
  b.load(long(), 1_000);
  b.load(flat(), 1_000);
  return b;
}

describe('LiveBook', () => {
  it('re-prices only the accounts holding the asset, through the risk engine', () => {
    const b = book();
    expect(b.symbols()).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(b.applyTicker('BTCUSDT', '90000', 2_000)).toEqual({ kind: 'applied', affected: ['long@desk.example'] });
    expect(b.view('long@desk.example')).toMatchObject({ marginLevel: '1.125', assetsUsd: '900000', status: 'MARGIN_CALL', statusSource: 'computed', updatedAt: 2_000 });
    expect(b.applyTicker('BTCUSDT', '87000', 3_000).kind).toBe('applied');
    expect(b.view('long@desk.example')?.status).toBe('LIQUIDATING');
  });

  it.each([
    ['a zero price', '0', 'rejected'],
    ['a 90 % gap down', '10000', 'rejected'],
    ['a 90 % gap up', '190000', 'rejected'],
    ['an 89 % move', '11000', 'applied'],
  ])('%s is %s', (_, price, kind) => {
    expect(book().applyTicker('BTCUSDT', price, 2_000).kind).toBe(kind);
  });

  it('ignores an out-of-order tick (event time) and a stable or unheld symbol', () => {
    const b = book();
    b.applyTicker('BTCUSDT', '95000', 3_000);
    expect(b.applyTicker('BTCUSDT', '99000', 2_500).kind).toBe('ignored');
    expect(b.view('long@desk.example')?.assetsUsd).toBe('950000');
    expect(b.applyTicker('SOLUSDT', '150', 3_000).kind).toBe('ignored');
    expect(b.applyTicker('USDCUSDT', '0.5', 3_000).kind).toBe('ignored');
  });

  it('a liability change moves the owed figure; events older than the REST read are already in it', () => {
    const b = book();
    const borrow = parseFrame(JSON.stringify({ e: 'USER_LIABILITY_CHANGE', E: 2_000, a: 'USDT', t: 'BORROW', p: '100000.00000000', i: '12.5' })).events[0]!;
    expect(b.applyAccountEvent('long@desk.example', borrow)).toBe(true);
    expect(b.view('long@desk.example')?.liabilitiesUsd).toBe('900012.5');
    const old = { ...borrow, E: 500 };
    b.applyAccountEvent('long@desk.example', old);
    expect(b.view('long@desk.example')?.liabilitiesUsd).toBe('900012.5');
    const repay = { ...borrow, E: 3_000, t: 'REPAY', p: '50000', i: '12.5' };
    b.applyAccountEvent('long@desk.example', repay);
    expect(b.view('long@desk.example')?.liabilitiesUsd).toBe('850000');
    expect(b.applyAccountEvent('nobody@desk.example', repay)).toBe(false);
  });

  it("the exchange's pushed status wins over ours, newest first", () => {
    const b = book();
    const push = (s: string, l: string, E: number) => b.applyAccountEvent('long@desk.example', { e: 'MARGIN_LEVEL_STATUS_CHANGE', E, l, s });
    push('FORCE_LIQUIDATION', '1.09', 2_000);
    expect(b.view('long@desk.example')).toMatchObject({ status: 'LIQUIDATING', statusSource: 'exchange', computedStatus: 'MARGIN_CALL', reportedMarginLevel: '1.09' });
    push('NORMAL', '1.4', 1_500); // older than the one held
    expect(b.view('long@desk.example')?.status).toBe('LIQUIDATING');
    push('EXCESSIVE', '999', 2_500);
    expect(b.view('long@desk.example')?.status).toBe('NO_DEBT');
  });

  it("PM Pro: the exchange's pushed uniMMR and risk level win over the refresh's, newest first, until the next REST read", () => {
    const b = new LiveBook();
    const pm = 'pm@desk.example';
    const input = account({ email: pm, mode: 'PM_PRO', bars: null, pmPro: { accountEquity: '200000', accountMaintMargin: '100000', accountStatus: 'NORMAL' }, assets: long().assets });
    b.load(input, 1_000);
    expect(b.view(pm)).toMatchObject({ uniMMR: '2', status: 'NORMAL', statusSource: 'computed', reportedMarginLevel: null });
    const update = (E: number, u: string, eq: string) => b.applyAccountEvent(pm, { e: 'PM_PRO_ACCOUNT_UPDATE', E, u, eq, ae: eq, im: '200000', mm: '100000', avb: '0', vmw: '0' });
    update(2_000, '1.5', '150000');
    expect(b.view(pm)).toMatchObject({ uniMMR: '1.5', status: 'NORMAL', statusSource: 'computed' });
    // The PM Pro page's event name is read as Binance's riskLevelChange payload.
    const [risk] = parseFrame(JSON.stringify({ e: 'RISK_LEVEL_CHANGE', E: 3_000, u: '1.15', s: 'REDUCE_ONLY', eq: '115000', ae: '115000', m: '100000' })).events;
    expect(b.applyAccountEvent(pm, risk!)).toBe(true);
    expect(b.view(pm)).toMatchObject({ uniMMR: '1.15', status: 'REDUCE_ONLY', statusSource: 'exchange', computedStatus: 'NORMAL' });
    // Our tier is judged on the exchange's own equity and maintenance margin.
    expect(b.risk(pm)?.pmPro).toMatchObject({ uniMMR: '1.15', tier: 'REDUCE_ONLY' });
    update(2_500, '1.6', '160000'); // out of order: older than the figures held
    expect(b.view(pm)?.uniMMR).toBe('1.15');
    // Binance pushes no event when the risk falls back: its last level stands, uniMMR follows.
    update(4_000, '1.4', '140000');
    expect(b.view(pm)).toMatchObject({ uniMMR: '1.4', status: 'REDUCE_ONLY', statusSource: 'exchange' });
    b.load({ ...input, pmPro: { accountEquity: '130000', accountMaintMargin: '100000', accountStatus: 'MARGIN_CALL' } }, 5_000);
    expect(b.view(pm)).toMatchObject({ uniMMR: '1.3', status: 'MARGIN_CALL', statusSource: 'computed' });
    update(4_500, '1.9', '190000'); // already in that REST read
    expect(b.view(pm)?.uniMMR).toBe('1.3');
  });

  it('a new asset with no price leaves the account delayed, never valued at zero', () => {
    const b = book();
    b.applyAccountEvent('flat@desk.example', { e: 'outboundAccountPosition', E: 2_000, u: 2_000, B: [{ a: 'XYZ', f: '5', l: '0' }] });
    expect(b.view('flat@desk.example')?.delayedSince).toBe(2_000);
  });

  it('an account loaded with an asset no ticker prices has no live view (its REST figures stand), never a crash', () => {
    const b = new LiveBook();
    b.load(account({ email: 'odd@desk.example', assets: [asset('XYZ', { free: '5', price: '' }), asset('USDT', { borrowed: '100', price: '1' })] }), 1_000);
    expect(b.view('odd@desk.example')).toBeUndefined();
  });

  it('parses combined frames and arrays, skipping unknown events', () => {
    const f = parseFrame(JSON.stringify({ stream: '!miniTicker@arr', data: [{ e: '24hrMiniTicker', E: 1, s: 'BTCUSDT', c: '1.5', o: '1', h: '2', l: '1', v: '0', q: '0' }, { e: 'other' }] }));
    expect(f).toMatchObject({ stream: '!miniTicker@arr', malformed: 0, events: [{ s: 'BTCUSDT', c: '1.5' }] });
    expect(parseFrame('{not json').malformed).toBe(1);
    expect(parseFrame(JSON.stringify({ e: '24hrMiniTicker', E: 1, s: 'X', c: 'NaN' })).malformed).toBe(1);
  });
});

/**
 * Writes sim/scenarios/demo.json: `npx tsx sim/scenarios/build-demo.ts`. Kept as code so the numbers and the
 * key material can be regenerated and reviewed; the JSON is what the simulator and the app read.
 * Prices: BTC 97,000 · ETH 3,400 · SOL 180 · BNB 650 (USD). Margin levels below are at those prices.
 */
import { writeFileSync } from 'node:fs';
import { ed25519Pair, hmacKey } from '../keygen';
import { type ScenarioInput, parseScenario } from '../scenario';

const CLIENT_IP = '203.0.113.10';
/**
 * The keys a real owner would store (the seed stores each sub-account's `…-monitor` key). Binance lists and
 * deletes special keys and takes the exit only from a key with Spot & Margin trading ("Query Special key
 * List (TRADE)", "Close Margin Special Key Mode (TRADE)"), so every monitored sub-account's key is a
 * trading key (LIST), IP-whitelisted; repaying needs Margin loan/repay as well (TRADE). The master reads
 * sub-account summaries, for which Reading is enough. desk-kilo keeps only a Reading key, to show what the
 * app says then: its special keys are unknown.
 */
const READ = { enableReading: true };
const LIST = { enableReading: true, enableSpotAndMarginTrading: true };
const TRADE = { enableReading: true, enableSpotAndMarginTrading: true, enableMargin: true };

type Key = NonNullable<ScenarioInput['master']['keys']>[number];

function normal(name: string, permissions: Key['permissions'] = READ, ip = [CLIENT_IP]): Key {
  return { name, kind: 'normal', ...hmacKey(name), permissions, ip, createTime: '-120d' };
}

function special(name: string, extra: Partial<Key> = {}): Key {
  return { name, kind: 'special', ...hmacKey(name), permissions: TRADE, ip: [CLIENT_IP], createTime: '-60d', ...extra };
}

const usdt = (free: string, borrowed = '0', interest = '0') => ({ asset: 'USDT', free, borrowed, interest });

const demo: ScenarioInput = {
  name: 'demo',
  clientIp: CLIENT_IP,
  termsSigned: true,
  liquidationCost: '0.01',
  prices: { BTCUSDT: '97000', ETHUSDT: '3400', SOLUSDT: '180', BNBUSDT: '650' },
  // XYZ has no ticker pair: Binance values it at its index (2.5 USD) for margin, the app cannot price it.
  indexOnlyPrices: { XYZ: '2.5' },
  master: {
    uid: 10000001,
    email: 'treasury@fundx.example',
    // No debt: marginLevel reports 999.
    assets: [usdt('2000000'), { asset: 'BTC', free: '10' }],
    keys: [normal('marginwatch-master-read')],
  },
  subAccounts: [
    {
      // Row 1: Cross Classic, terms signed, live special key → bound. ML = 17,740,000 / 7,001,250.5 ≈ 2.534.
      subUserId: 20000001,
      email: 'desk-alpha@fundx.example',
      remark: 'BTC/ETH basis desk',
      assets: [{ asset: 'BTC', free: '118', locked: '2' }, { asset: 'ETH', free: '1500' }, usdt('1000000', '7000000', '1250.5')],
      keys: [normal('alpha-monitor', LIST), normal('alpha-trading', TRADE), special('alpha-hft-01')],
    },
    {
      // Bound, exit not confirmed: both special keys deleted, never exited. ML = 9,620,000 / 6,602,400 ≈ 1.457.
      subUserId: 20000002,
      email: 'desk-bravo@fundx.example',
      remark: 'SOL momentum (special keys deleted, not exited)',
      assets: [{ asset: 'BTC', free: '60' }, { asset: 'SOL', free: '20000' }, usdt('200000', '6600000', '2400')],
      keys: [normal('bravo-monitor', TRADE)],
      deletedSpecialKeys: [
        { apiKey: hmacKey('bravo-hft-01').apiKey, apiName: 'bravo-hft-01', createdAt: '-200d', deletedAt: '-20d' },
        { apiKey: hmacKey('bravo-hft-02').apiKey, apiName: 'bravo-hft-02', createdAt: '-150d', deletedAt: '-20d' },
      ],
    },
    {
      // Row 2: Cross Classic, no special key ever created → standard liquidation. ML = 8,750,000 / 5,400,000 ≈ 1.620.
      // Its trading key may create a special key (a later test does).
      subUserId: 20000003,
      email: 'desk-charlie@fundx.example',
      remark: 'ETH/BNB carry (never used special keys)',
      assets: [{ asset: 'ETH', free: '2000' }, { asset: 'BNB', free: '3000' }, usdt('0', '5400000')],
      keys: [normal('charlie-monitor', LIST), normal('charlie-trading', TRADE)],
    },
    {
      // Bound, already liquidated: LiquidationLoan 185,000 USDC, 35,000 repaid, 150,000 outstanding.
      subUserId: 20000004,
      email: 'desk-delta@fundx.example',
      remark: 'liquidated in March: LiquidationLoan outstanding',
      assets: [usdt('25000')],
      keys: [normal('delta-monitor', TRADE), special('delta-hft-01')],
      liquidationLoan: { asset: 'USDC', amount: '185000', repaidAmount: '35000' },
      // The loan is repaid from the spot wallet (not the margin wallet's 25,000 USDT): 150,000 USDC are there.
      spot: [{ asset: 'USDC', free: '150000' }],
      forceLiquidationRec: [
        { symbol: 'BTCUSDT', side: 'SELL', qty: '45', price: '61000', avgPrice: '60390', updatedTime: '-40d' },
        { symbol: 'ETHUSDT', side: 'SELL', qty: '900', price: '2950', avgPrice: '2920.5', updatedTime: '-40d' },
      ],
    },
    {
      // Row 3: PM Pro near reduce-only. Equity 11,660,000 − 10,500,000 = 1,160,000; MM 9% × 10,500,000 = 945,000;
      // uniMMR ≈ 1.2275 (reduce-only at 1.20). An Ed25519 special key: PM Pro supports special keys. Created
      // 400 days ago and never changed since: the idle special key (lib/keys IDLE_SPECIAL_KEY_DAYS).
      subUserId: 20000005,
      email: 'desk-echo@fundx.example',
      remark: 'PM Pro macro book',
      mode: 'PORTFOLIO_MARGIN_PRO',
      portfolio: { maintMarginRate: '0.09' },
      assets: [{ asset: 'BTC', free: '80' }, { asset: 'ETH', free: '1000' }, usdt('500000', '10500000')],
      keys: [normal('echo-monitor', LIST), special('echo-hft-ed25519', { algorithm: 'Ed25519', secretKey: undefined, ...ed25519Pair('echo-hft-ed25519'), createTime: '-400d' })],
    },
    {
      // Row 3 again: PM Pro with an outstanding bankruptcy loan (42,000 USDT); healthy now (uniMMR ≈ 25.5).
      subUserId: 20000006,
      email: 'desk-foxtrot@fundx.example',
      remark: 'PM Pro, bankruptcy loan outstanding',
      mode: 'PORTFOLIO_MARGIN_PRO',
      portfolio: { maintMarginRate: '0.09' },
      assets: [{ asset: 'BTC', free: '20' }, usdt('3000000', '1500000')],
      keys: [normal('foxtrot-monitor', TRADE)],
      pmLoan: { asset: 'USDT', amount: '42000' },
    },
    {
      // Row 4: isolated BTCUSDT near liquidation: ML = 4,850,000 / 4,200,000 ≈ 1.1548, bar 1.1, liquidatePrice 92,400.
      // ETHUSDT pair healthy (ML 2.55). An isolated special key on BTCUSDT.
      subUserId: 20000007,
      email: 'desk-golf@fundx.example',
      remark: 'isolated BTC leverage',
      assets: [usdt('150000')],
      isolated: [
        { symbol: 'BTCUSDT', base: { asset: 'BTC', free: '50' }, quote: usdt('0', '4200000') },
        { symbol: 'ETHUSDT', base: { asset: 'ETH', free: '300' }, quote: usdt('0', '400000') },
      ],
      keys: [normal('golf-monitor', LIST), special('golf-btc-isolated', { symbol: 'BTCUSDT' })],
    },
    {
      // At the 30-key limit: 26 normal + 4 special. Bound. ML = 6,580,000 / 2,700,000 ≈ 2.437.
      // The one bound account that can exit in the demo: its wallet holds the 500 ETH and 1,000,000 USDT it
      // owes, so the exit wizard can repay both, and its stored (monitor) key may trade and repay.
      subUserId: 20000008,
      email: 'desk-hotel@fundx.example',
      remark: 'market making (30 keys)',
      assets: [{ asset: 'BTC', free: '40' }, { asset: 'ETH', free: '500', borrowed: '500' }, usdt('1000000', '1000000')],
      keys: [
        normal('hotel-monitor', TRADE),
        ...Array.from({ length: 25 }, (_, i) => normal(`hotel-bot-${String(i + 1).padStart(2, '0')}`, TRADE)),
        ...Array.from({ length: 4 }, (_, i) => special(`hotel-hft-${String(i + 1).padStart(2, '0')}`)),
      ],
    },
    {
      // Cross Margin Pro (MARGIN_2): a sunset product, shown as unsupported. ML = 2,425,000 / 1,200,000 ≈ 2.021.
      // It holds a special key from before the sunset: a special key on a product that no longer supports it.
      subUserId: 20000009,
      email: 'desk-india@fundx.example',
      remark: 'legacy Cross Margin Pro',
      mode: 'CROSS_MARGIN_PRO',
      tradeCoeff: { normalBar: '1.25', marginCallBar: '1.15', forceLiquidationBar: '1.05' },
      assets: [{ asset: 'BTC', free: '25' }, usdt('0', '1200000')],
      keys: [normal('india-monitor', LIST), special('india-hft-01')],
    },
    {
      // Shorts: borrowed BTC and ETH against USDT. ML = 14,000,000 / 10,920,000 ≈ 1.282 → liquidates near +16.5%.
      // Bound; its special key has NO IP whitelist (risk flag).
      subUserId: 20000010,
      email: 'desk-juliet@fundx.example',
      remark: 'short book',
      assets: [usdt('14000000'), { asset: 'BTC', free: '0', borrowed: '60' }, { asset: 'ETH', free: '0', borrowed: '1500' }],
      keys: [normal('juliet-monitor', LIST), special('juliet-hft-open', { ip: [] })],
    },
    {
      // Zero debt; its normal key has withdrawals enabled (risk flag). Unbound (no special key).
      subUserId: 20000011,
      email: 'desk-kilo@fundx.example',
      remark: 'treasury buffer',
      assets: [{ asset: 'BTC', free: '15' }, usdt('800000')],
      keys: [normal('kilo-treasury', { enableReading: true, enableWithdrawals: true, enableInternalTransfer: true })],
    },
    {
      // Special key but no normal key: the app cannot monitor it (only the master's summary reaches it).
      // Bound, with debt: ML = 2,910,000 / 2,000,000 = 1.455.
      subUserId: 20000012,
      email: 'desk-lima@fundx.example',
      remark: 'HFT only (no monitoring key)',
      assets: [{ asset: 'BTC', free: '30' }, usdt('0', '2000000')],
      keys: [special('lima-hft-01')],
    },
    {
      // Exited special-key mode 2 h ago: unbound, 24 h cooldown still running. No debt.
      subUserId: 20000013,
      email: 'desk-mike@fundx.example',
      remark: 'exited special-key mode',
      assets: [{ asset: 'BTC', free: '5' }, usdt('600000')],
      keys: [normal('mike-monitor', TRADE)],
      deletedSpecialKeys: [{ apiKey: hmacKey('mike-hft-01').apiKey, apiName: 'mike-hft-01', createdAt: '-90d', deletedAt: '-2h' }],
      exitedAt: '-2h',
    },
    {
      // An asset the app cannot price (issue 13): 40,000 XYZ (index 2.5 USD, no ticker) against 50,000 USDT
      // borrowed. Binance reports ML = 100,000 / 50,000 = 2.0; the app's totals are lower bounds. No special
      // key ever: not bound.
      subUserId: 20000014,
      email: 'desk-november@fundx.example',
      remark: 'holds XYZ (no ticker)',
      assets: [{ asset: 'XYZ', free: '40000' }, usdt('0', '50000')],
      keys: [normal('november-monitor', LIST)],
    },
  ],
};

parseScenario(demo); // fail here, not at load time, if the builder drifts from the schema
writeFileSync(new URL('./demo.json', import.meta.url), `${JSON.stringify(demo, null, 2)}\n`);
console.log('wrote sim/scenarios/demo.json');

/**
 * A large deterministic scenario for benchmarks: `npm run sim:gen -- --subs 1000 --seed 1 > big.json`.
 * Same arguments, same bytes: keys come from labelled hashes and amounts from a seeded PRNG.
 */
import { parseArgs } from 'node:util';
import { hmacKey } from './keygen';
import { mulberry32 as prng } from './prng';
import { type ScenarioInput, parseScenario } from './scenario';

const { values } = parseArgs({ options: { subs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
const subs = Number(values.subs);
const seed = Number(values.seed);
if (!Number.isInteger(subs) || subs < 1 || !Number.isInteger(seed)) throw new Error('usage: --subs <n ≥ 1> --seed <integer>');

const rand = prng(seed);
const CLIENT_IP = '203.0.113.10';
const PRICES = { BTC: 97000, ETH: 3400, SOL: 180, BNB: 650 } as const;
/** Amounts are generated as whole numbers or 4-decimal strings: the scenario never holds floats. */
const amount = (max: number, decimals = 4) => (rand() * max).toFixed(decimals);
/** Each sub-account's stored key can trade: Binance lists special keys only for such a key ("Query Special key List (TRADE)"). */
const LIST = { enableReading: true, enableSpotAndMarginTrading: true };
const key = (label: string, kind: 'normal' | 'special', permissions: { enableReading: boolean; enableSpotAndMarginTrading?: boolean } = { enableReading: true }) => ({
  name: label,
  kind,
  ...hmacKey(`gen${seed}:${label}`),
  permissions,
  ip: [CLIENT_IP],
});

const subAccounts: ScenarioInput['subAccounts'] = [];
for (let i = 1; i <= subs; i++) {
  const id = String(i).padStart(5, '0');
  const roll = rand();
  const mode = roll < 0.8 ? 'CROSS_MARGIN_CLASSIC' : roll < 0.95 ? 'PORTFOLIO_MARGIN_PRO' : 'CROSS_MARGIN_PRO';
  // Collateral worth 1–20 M USD; debt at 20–70 % of it, so margin levels spread over roughly 1.4–5.
  const btc = amount(150);
  const eth = amount(2000);
  const collateral = Number(btc) * PRICES.BTC + Number(eth) * PRICES.ETH;
  const debt = (collateral * (0.2 + rand() * 0.5)).toFixed(2);
  const hasSpecial = mode !== 'CROSS_MARGIN_PRO' && rand() < 0.6;
  subAccounts.push({
    subUserId: 30_000_000 + i,
    email: `desk-${id}@fundx.example`,
    mode,
    portfolio: mode === 'PORTFOLIO_MARGIN_PRO' ? { maintMarginRate: '0.08' } : undefined,
    assets: [
      { asset: 'BTC', free: btc },
      { asset: 'ETH', free: eth },
      { asset: 'USDT', free: amount(500_000, 2), borrowed: debt },
    ],
    keys: [key(`desk-${id}-monitor`, 'normal', LIST), ...(hasSpecial ? [key(`desk-${id}-hft`, 'special', { enableReading: true })] : [])],
  });
}

const scenario: ScenarioInput = {
  name: `generated-${subs}-seed-${seed}`,
  clientIp: CLIENT_IP,
  termsSigned: true,
  prices: Object.fromEntries(Object.entries(PRICES).map(([a, p]) => [`${a}USDT`, String(p)])),
  master: { uid: 10_000_001, email: 'treasury@fundx.example', assets: [{ asset: 'USDT', free: '1000000' }], keys: [key('marginwatch-master-read', 'normal')] },
  subAccounts,
};

parseScenario(scenario);
process.stdout.write(`${JSON.stringify(scenario)}\n`);

import { ed25519Pair, hmacKey } from '../keygen';
import { type Scenario, type ScenarioInput, loadScenario, parseScenario } from '../scenario';

export const CLIENT_IP = '203.0.113.10';
const TRADE = { enableReading: true, enableSpotAndMarginTrading: true, enableMargin: true };

type Key = NonNullable<ScenarioInput['master']['keys']>[number];
type Sub = ScenarioInput['subAccounts'][number];

export function normalKey(name: string, permissions: Key['permissions'] = TRADE): Key {
  return { name, kind: 'normal', ...hmacKey(name), permissions, ip: [CLIENT_IP] };
}

export function specialKey(name: string, extra: Partial<Key> = {}): Key {
  return { name, kind: 'special', ...hmacKey(name), permissions: TRADE, ip: [CLIENT_IP], ...extra };
}

export function ed25519Key(name: string, kind: 'normal' | 'special'): Key & { privateKey: string } {
  const pair = ed25519Pair(name);
  return { name, kind, apiKey: hmacKey(name).apiKey, algorithm: 'Ed25519', ...pair, permissions: TRADE, ip: [CLIENT_IP] };
}

/** Credentials of a scenario key, by name, for the test client. */
export function creds(s: Scenario | ScenarioInput, name: string) {
  for (const a of [s.master, ...s.subAccounts]) {
    const k = a.keys?.find((x) => x.name === name);
    if (k) return { apiKey: k.apiKey, secretKey: k.secretKey, privateKey: k.privateKey, algorithm: k.algorithm };
  }
  throw new Error(`no key named ${name}`);
}

/**
 * A small exchange with round numbers, so liquidation amounts can be worked by hand in the tests:
 * BTC at 100,000; every leveraged account holds 10 BTC against 800,000 USDT of debt (ML 1.25).
 */
export function liquidationScenario(subs: Sub[], termsSigned = true): Scenario {
  return parseScenario({
    name: 'liquidation-test',
    clientIp: CLIENT_IP,
    termsSigned,
    liquidationCost: '0.01',
    prices: { BTCUSDT: '100000', ETHUSDT: '4000' },
    master: { uid: 1, email: 'master@test.example', keys: [normalKey('master')] },
    subAccounts: subs,
  });
}

export const longBtc = [
  { asset: 'BTC', free: '10' },
  { asset: 'USDT', free: '0', borrowed: '800000' },
];

export function demo(): Promise<Scenario> {
  return loadScenario('demo');
}

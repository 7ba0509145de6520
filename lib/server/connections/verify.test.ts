import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, type Scenario } from '@/sim/scenario';
import { toSigner } from './signer';
import { addMasterSchema, addSubKeySchema } from './schemas';
import { type Harness, keyOf, openHarness } from './test-support';
import { verifyKey } from './verify';

let h: Harness;
let scenario: Scenario;

beforeAll(async () => {
  scenario = await loadScenario('demo');
  h = await openHarness(scenario);
});
afterAll(() => h.close());

const check = (name: string, fetchImpl?: typeof fetch) => {
  const k = keyOf(scenario, name);
  return verifyKey({ baseUrl: h.sim.url, apiKey: k.apiKey, signer: toSigner(k.signerType, k.secret) }, { fetch: fetchImpl });
};

describe('verifyKey', () => {
  it('returns the key’s permission flags and warnings', async () => {
    const result = await check('kilo-treasury');
    expect(result).toMatchObject({ ok: true, permissions: { enableWithdrawals: true, enableInternalTransfer: true, enableMargin: false, ipRestrict: true } });
  });

  it('refuses a key the exchange lists among the account’s special keys even when its /sapi reads succeed', async () => {
    // An exchange that lets a special key read /sapi: the list, the exchange's own word, still refuses it.
    const target = keyOf(scenario, 'bravo-monitor');
    const listing: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).includes('/sapi/v1/margin/api-key-list')) return res;
      const keys = (await res.json()) as unknown[];
      return Response.json([...keys, { apiName: 'bravo-hft', apiKey: target.apiKey, ip: '203.0.113.10', type: 'HMAC_SHA256' }]);
    };
    expect(await check('bravo-monitor', listing)).toMatchObject({ ok: false, code: 'special_key' });
  });

  it('looks in each isolated pair’s special-key list too', async () => {
    // desk-golf's special key trades an isolated pair: only that pair's list names it. Its monitor key passes,
    // and the check taught the process guard the isolated key, which is now refused before any request.
    expect(await check('golf-monitor')).toMatchObject({ ok: true });
    expect(await check('golf-btc-isolated')).toMatchObject({ ok: false, code: 'special_key' });
  });
});

describe('request bodies', () => {
  const valid = { name: 'm', baseUrl: 'https://api.binance.com/', apiKey: 'a'.repeat(64), signerType: 'HMAC', secret: 's' };

  it('accepts an https base URL and trims its trailing slash', () => {
    expect(addMasterSchema.parse(valid).baseUrl).toBe('https://api.binance.com');
  });

  it.each([
    [{ baseUrl: 'ftp://api.binance.com' }, /http/],
    [{ baseUrl: 'not a url' }, /http/],
    [{ baseUrl: 'https://api.binance.com/?x=1' }, /without query/],
    [{ apiKey: 'short' }, /64 letters and digits/],
    [{ secret: '  ' }, /required/],
    [{ signerType: 'DSA' }, /./],
  ])('refuses %o', (patch, message) => {
    const result = addMasterSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });

  it('needs a sub-account email', () => {
    expect(addSubKeySchema.safeParse({ accountEmail: 'nope', apiKey: 'a'.repeat(64), signerType: 'HMAC', secret: 's' }).success).toBe(false);
  });

  it('refuses a PEM given as an HMAC secret and an Ed25519 PEM given as RSA', () => {
    const ed = keyOf(scenario, 'echo-hft-ed25519').secret;
    expect(() => toSigner('HMAC', ed)).toThrow(/choose Ed25519 or RSA/);
    expect(() => toSigner('RSA', ed)).toThrow(/not RSA/);
    expect(toSigner('ED25519', ed).type).toBe('ED25519');
  });
});

describe('normalizePermissions', () => {
  it('reads flags a seed stored without a live check: missing flags false, IP restriction unknown', async () => {
    const { normalizePermissions } = await import('./store');
    expect(normalizePermissions({ enableReading: true, enableWithdrawals: true })).toMatchObject({
      enableReading: true, enableWithdrawals: true, enableMargin: false, ipRestrict: null, verifiedAt: null, warnings: [],
    });
    expect(normalizePermissions(null)).toBeNull();
  });
});

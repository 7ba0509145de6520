import 'server-only';
import { generateKeyPairSync, verify } from 'node:crypto';
import { getRESTRequestSignature } from 'binance/lib/util/requestUtils';
import { describe, expect, it } from 'vitest';
import { buildSignedQuery, encodeParams, signPayload } from './sign';
import type { ExchangeSigner, RequestParams } from './types';

// Binance's published HMAC example (spot REST docs, "SIGNED endpoint examples").
const DOC_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const DOC_PARAMS = { symbol: 'LTCBTC', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 1, price: 0.1 };

describe('the docs’ published HMAC examples', () => {
  it('ASCII parameters → c8db5682…', () => {
    const payload = encodeParams({ ...DOC_PARAMS, recvWindow: 5000, timestamp: 1499827319559 });
    expect(payload).toBe(
      'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
    );
    expect(signPayload({ type: 'HMAC', secret: DOC_SECRET }, payload)).toBe(
      'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71',
    );
  });

  it('non-ASCII symbol is percent-encoded as UTF-8 before signing → e1353ec6…', () => {
    const payload = encodeParams({ ...DOC_PARAMS, symbol: '１２３４５６', recvWindow: 5000, timestamp: 1499827319559 });
    expect(payload.startsWith('symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&')).toBe(true);
    expect(signPayload({ type: 'HMAC', secret: DOC_SECRET }, payload)).toBe(
      'e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3',
    );
  });
});

const ed = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (k: typeof ed.privateKey) => k.export({ type: 'pkcs8', format: 'pem' }).toString();

const signers: Array<[string, ExchangeSigner, string]> = [
  ['HMAC', { type: 'HMAC', secret: DOC_SECRET }, DOC_SECRET],
  ['Ed25519', { type: 'ED25519', privateKeyPem: pem(ed.privateKey) }, pem(ed.privateKey)],
  ['RSA', { type: 'RSA', privateKeyPem: pem(rsa.privateKey) }, pem(rsa.privateKey)],
];

const requests: RequestParams[] = [
  {},
  { symbol: 'BTCUSDT' },
  { apiName: 'desk 1/α', ip: '1.2.3.4,5.6.7.8', permissionMode: 'TRADE' },
  { asset: 'USDC', amount: '1000.50000000', note: "it's (really) *fine*!" },
];

// The `binance` npm SDK (3.6.5) is an independent implementation: same params + timestamp must give the same
// payload and the same (percent-encoded) signature.
describe.each(signers)('%s signatures match the binance SDK', (_name, signer, sdkSecret) => {
  it.each(requests.map((r, i) => [i, r] as const))('request #%i', async (_i, params) => {
    const timestamp = 1_700_000_000_123;
    const sdk = await getRESTRequestSignature({ ...params }, { recvWindow: 5000 }, 'key', sdkSecret, timestamp);
    const ours = buildSignedQuery(params, signer, { timestamp, recvWindow: 5000 });
    expect(ours.payload).toBe(sdk.serialisedParams);
    expect(encodeURIComponent(ours.signature)).toBe(sdk.signature);
    expect(ours.query).toBe(`${sdk.serialisedParams}&signature=${sdk.signature}`);
  });
});

describe('asymmetric signatures verify with the public key', () => {
  const payload = 'symbol=BTCUSDT&timestamp=1&recvWindow=5000';
  it('Ed25519', () => {
    const sig = signPayload({ type: 'ED25519', privateKeyPem: pem(ed.privateKey) }, payload);
    expect(verify(null, Buffer.from(payload), ed.publicKey, Buffer.from(sig, 'base64'))).toBe(true);
  });
  it('RSA PKCS#1 v1.5 SHA-256', () => {
    const sig = signPayload({ type: 'RSA', privateKeyPem: pem(rsa.privateKey) }, payload);
    expect(verify('sha256', Buffer.from(payload), rsa.publicKey, Buffer.from(sig, 'base64'))).toBe(true);
  });
  it('refuses a private key of the wrong type without echoing it', () => {
    const wrong = pem(rsa.privateKey);
    let message = '';
    try {
      signPayload({ type: 'ED25519', privateKeyPem: wrong }, payload);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/not an ED25519 key/);
    expect(message).not.toContain('PRIVATE KEY');
  });
});

it('skips undefined parameters instead of sending "undefined"', () => {
  expect(encodeParams({ symbol: undefined, page: 2 })).toBe('page=2');
});

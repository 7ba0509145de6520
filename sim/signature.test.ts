import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractSignature, hmacHex, verifySignature } from './signature';
import type { ApiKey } from './state';

// Binance's published example (SIGNED endpoint examples for POST /api/v3/order).
const SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const QUERY = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';

const docKey: ApiKey = {
  apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
  name: 'binance-docs-example',
  kind: 'normal',
  algorithm: 'HMAC_SHA256',
  secretKey: SECRET,
  permissions: {
    enableReading: true,
    enableSpotAndMarginTrading: true,
    enableMargin: false,
    enableWithdrawals: false,
    enableInternalTransfer: false,
    enableFutures: false,
    permitsUniversalTransfer: false,
    enableVanillaOptions: false,
    enablePortfolioMarginTrading: false,
  },
  ip: [],
  permissionMode: 'TRADE',
  createTime: 0,
};

describe('HMAC signatures (Binance docs examples)', () => {
  it('reproduces the documented signature of the ASCII example', () => {
    expect(hmacHex(SECRET, QUERY)).toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
  });

  it('signs the percent-encoded payload of the non-ASCII example', () => {
    const encoded = QUERY.replace('LTCBTC', encodeURIComponent('１２３４５６'));
    expect(hmacHex(SECRET, encoded)).toBe('e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3');
  });

  it('verifies the documented request and is case-insensitive on hex, as Binance is', () => {
    const sig = 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71';
    const { payload, signature } = extractSignature(`${QUERY}&signature=${sig}`, '');
    expect(payload).toBe(QUERY);
    expect(verifySignature(docKey, payload, signature ?? '')).toBe(true);
    expect(verifySignature(docKey, payload, sig.toUpperCase())).toBe(true);
  });

  it('concatenates query string and body without a separator (mixed example)', () => {
    const query = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC';
    const body = 'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    // The docs' third example: note "GTCquantity", no '&' between the two parts.
    const sig = '0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77';
    const { payload, signature } = extractSignature(query, `${body}&signature=${sig}`);
    expect(payload).toBe(`${query}${body}`);
    expect(hmacHex(SECRET, payload)).toBe(sig);
    expect(verifySignature(docKey, payload, signature ?? '')).toBe(true);
  });

  it('rejects a payload changed by one byte', () => {
    const sig = hmacHex(SECRET, QUERY);
    expect(verifySignature(docKey, QUERY.replace('quantity=1', 'quantity=2'), sig)).toBe(false);
  });
});

describe('asymmetric signatures', () => {
  it('verifies RSA (PKCS#1 v1.5, SHA-256) and Ed25519 signatures sent base64 and percent-encoded', () => {
    for (const [algorithm, type] of [['RSA', 'rsa'], ['Ed25519', 'ed25519']] as const) {
      const pair = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519');
      const key: ApiKey = { ...docKey, algorithm, secretKey: undefined, publicKey: pair.publicKey };
      const raw = sign(algorithm === 'RSA' ? 'sha256' : null, Buffer.from(QUERY), pair.privateKey).toString('base64');
      expect(verifySignature(key, QUERY, encodeURIComponent(raw))).toBe(true);
      expect(verifySignature(key, `${QUERY}0`, encodeURIComponent(raw))).toBe(false);
    }
  });
});

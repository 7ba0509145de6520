import { createPublicKey, randomBytes } from 'node:crypto';
import { err } from '../errors';
import { KEY_LIMIT, cooldownUntil } from '../policy';
import type { Route, SignedCtx } from '../route';
import type { ApiKey } from '../state';
import { hasCrossLiability } from '../valuation';

/** A special key reads and trades (its permissionMode narrows it); it never withdraws or transfers. */
const SPECIAL_PERMISSIONS: ApiKey['permissions'] = {
  enableReading: true,
  enableSpotAndMarginTrading: true,
  enableMargin: false,
  enableWithdrawals: false,
  enableInternalTransfer: false,
  enableFutures: false,
  permitsUniversalTransfer: false,
  enableVanillaOptions: false,
  enablePortfolioMarginTrading: false,
};

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomAlnum(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

function view(k: ApiKey) {
  return { apiName: k.name, apiKey: k.apiKey, ip: k.ip.join(','), type: k.algorithm, permissionMode: k.permissionMode };
}

function specialKeys(ctx: SignedCtx, symbol: string | undefined): ApiKey[] {
  return [...ctx.account.keys.values()].filter((k) => k.kind === 'special' && k.symbol === symbol);
}

function create(ctx: SignedCtx) {
  const { params, account, state, now } = ctx;
  const apiName = params.required('apiName');
  const symbol = params.get('symbol');
  if (symbol && !account.isolated.has(symbol)) throw err.noMarginAccount();
  if (account.mode === 'CROSS_MARGIN_PRO') throw err.productNotSupported();
  // Binance: the terms must be signed at master level before the first special key anywhere under it.
  if (!state.scenario.termsSigned) throw err.termsNotSigned();
  const until = cooldownUntil(account);
  if (until !== undefined && now < until) throw err.cooldown(until);
  // Special keys count toward the 30-key limit together with normal keys.
  if (account.keys.size >= KEY_LIMIT) throw err.keyLimit();
  const ips = params.get('ip')?.split(',') ?? ['0.0.0.0'];
  if (ips.length > 30) throw err.invalidParam('ip');

  let algorithm: ApiKey['algorithm'] = 'HMAC_SHA256';
  let publicKey: ApiKey['publicKey'];
  const pem = params.get('publicKey');
  if (pem) {
    try {
      publicKey = createPublicKey(pem);
    } catch {
      throw err.invalidParam('publicKey');
    }
    if (publicKey.asymmetricKeyType === 'ed25519') algorithm = 'Ed25519';
    else if (publicKey.asymmetricKeyType === 'rsa') algorithm = 'RSA';
    else throw err.invalidParam('publicKey');
  }
  const permissionMode = algorithm === 'Ed25519' && params.get('permissionMode') === 'READ' ? 'READ' : 'TRADE';
  const secretKey = algorithm === 'HMAC_SHA256' ? randomAlnum(64) : undefined;
  const key: ApiKey = {
    apiKey: randomAlnum(64),
    name: apiName,
    kind: 'special',
    algorithm,
    secretKey,
    publicKey,
    permissions: SPECIAL_PERMISSIONS,
    ip: ips,
    symbol,
    permissionMode,
    createTime: now,
  };
  state.addKey(account, key);
  account.specialKeyEvents.push({ apiKey: key.apiKey, apiName, symbol, createdAt: now });
  // Creating a special key puts the account in special-key mode; only an exit takes it out.
  account.inSpecialKeyMode = true;
  return { apiKey: key.apiKey, secretKey: secretKey ?? null, type: algorithm };
}

function remove(ctx: SignedCtx) {
  const { params, account, state, now } = ctx;
  const apiKey = params.get('apiKey');
  const apiName = params.get('apiName');
  if (!apiKey && !apiName) throw err.mandatory('apiKey');
  const symbol = params.get('symbol');
  // Binance: apiKey wins; apiName alone deletes every special key with that name.
  const victims = specialKeys(ctx, symbol).filter((k) => (apiKey ? k.apiKey === apiKey : k.name === apiName));
  if (victims.length === 0) throw err.badApiKeyId();
  for (const k of victims) {
    state.removeKey(account, k.apiKey);
    const e = account.specialKeyEvents.find((x) => x.apiKey === k.apiKey && x.deletedAt === undefined);
    if (e) e.deletedAt = now;
  }
  // Deliberately unchanged: account.inSpecialKeyMode. Deleting keys is not an exit (docs/domain.md#liquidationloan).
  return {};
}

function exit(ctx: SignedCtx) {
  const { account, state, now } = ctx;
  if (account.mode !== 'CROSS_MARGIN_CLASSIC') throw err.exitWrongProduct();
  // Binance: "If not [in special key mode], the request silently succeeds": {} proves nothing by itself.
  if (!account.inSpecialKeyMode) return {};
  if (account.beingLiquidated) throw err.exitLiquidating();
  const loan = account.liquidationLoan;
  if (hasCrossLiability(account) || (loan && loan.amount.minus(loan.repaid).gt(0))) throw err.exitLiability();
  for (const k of [...account.keys.values()].filter((x) => x.kind === 'special')) {
    state.removeKey(account, k.apiKey);
    const e = account.specialKeyEvents.find((x) => x.apiKey === k.apiKey && x.deletedAt === undefined);
    if (e) e.deletedAt = now;
  }
  account.inSpecialKeyMode = false;
  account.exitedAt = now;
  return {};
}

export const specialKeyRoutes: Route[] = [
  { method: 'POST', path: '/sapi/v1/margin/apiKey', weight: 1, limit: 'UID', security: 'TRADE', margin: true, handler: create },
  {
    method: 'GET',
    path: '/sapi/v1/margin/apiKey',
    weight: 1,
    limit: 'UID',
    // "Query Special key (TRADE)": a Reading-only key gets -2015 (binance-connector-js margin-trading trade-api.ts).
    security: 'TRADE',
    margin: true,
    handler: (ctx) => {
      const apiKey = ctx.params.required('apiKey');
      const key = specialKeys(ctx, ctx.params.get('symbol')).find((k) => k.apiKey === apiKey);
      if (!key) throw err.badApiKeyId();
      return view(key);
    },
  },
  { method: 'DELETE', path: '/sapi/v1/margin/apiKey', weight: 1, limit: 'UID', security: 'TRADE', margin: true, handler: remove },
  {
    method: 'PUT',
    path: '/sapi/v1/margin/apiKey/ip',
    weight: 1,
    limit: 'UID',
    security: 'TRADE',
    margin: true,
    handler: (ctx) => {
      const apiKey = ctx.params.required('apiKey');
      const ips = ctx.params.required('ip').split(',');
      if (ips.length > 30) throw err.invalidParam('ip');
      const key = specialKeys(ctx, ctx.params.get('symbol')).find((k) => k.apiKey === apiKey);
      if (!key) throw err.badApiKeyId();
      key.ip = ips;
      return {};
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/margin/api-key-list',
    weight: 1,
    limit: 'UID',
    // "Query Special key List (TRADE)": listing special keys needs Spot & Margin trading, not just reading.
    security: 'TRADE',
    margin: true,
    // (choice) without `symbol` the cross-margin special keys are listed; pass `symbol` for a pair's keys.
    handler: (ctx) => specialKeys(ctx, ctx.params.get('symbol')).map(view),
  },
  { method: 'POST', path: '/sapi/v1/margin/exit-special-key-mode', weight: 10, limit: 'UID', security: 'TRADE', margin: true, handler: exit },
];

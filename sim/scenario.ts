import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A decimal string, as Binance sends money: never a JS number, so no float ever enters the state. */
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'decimal string expected');

/**
 * A time is epoch milliseconds, or a duration relative to "now" when the state is built ("-2h", "-30d"),
 * so a scenario file stays valid whenever it is run (cooldowns, key ages).
 */
const time = z.union([z.number().int(), z.string().regex(/^-?\d+(ms|s|m|h|d)$/)]);
export type ScenarioTime = z.infer<typeof time>;

const permissionsSchema = z.object({
  enableReading: z.boolean().default(true),
  enableSpotAndMarginTrading: z.boolean().default(false),
  enableMargin: z.boolean().default(false),
  enableWithdrawals: z.boolean().default(false),
  enableInternalTransfer: z.boolean().default(false),
  enableFutures: z.boolean().default(false),
  permitsUniversalTransfer: z.boolean().default(false),
  enableVanillaOptions: z.boolean().default(false),
  enablePortfolioMarginTrading: z.boolean().default(false),
});

const keySchema = z
  .object({
    name: z.string().min(1),
    apiKey: z.string().regex(/^[A-Za-z0-9]{64}$/, 'Binance API keys are 64 alphanumeric characters'),
    kind: z.enum(['normal', 'special']),
    algorithm: z.enum(['HMAC_SHA256', 'Ed25519', 'RSA']).default('HMAC_SHA256'),
    secretKey: z.string().optional(),
    publicKey: z.string().optional(),
    /** Only for clients (the app, tests) that need to sign: the simulator itself never reads it. */
    privateKey: z.string().optional(),
    permissions: permissionsSchema.default(permissionsSchema.parse({})),
    /** IP whitelist; empty or ["0.0.0.0"] means unrestricted (Binance: "0.0.0.0 is just an initial state"). */
    ip: z.array(z.string()).default([]),
    /** A special key with `symbol` trades that isolated pair; without it, cross margin. */
    symbol: z.string().optional(),
    permissionMode: z.enum(['TRADE', 'READ']).default('TRADE'),
    createTime: time.default('-90d'),
  })
  .refine((k) => (k.algorithm === 'HMAC_SHA256' ? !!k.secretKey : !!k.publicKey), {
    message: 'HMAC keys need secretKey; Ed25519 and RSA keys need publicKey (PEM)',
  });

const balanceSchema = z.object({
  asset: z.string().min(1),
  free: decimal.default('0'),
  locked: decimal.default('0'),
  borrowed: decimal.default('0'),
  interest: decimal.default('0'),
});

const isolatedPairSchema = z.object({
  symbol: z.string().min(1),
  base: balanceSchema,
  quote: balanceSchema,
  normalBar: decimal.default('2'),
  marginCallBar: decimal.default('1.3'),
  forceLiquidationBar: decimal.default('1.1'),
  /** Reported as marginRatio (the pair's leverage tier). */
  marginRatio: decimal.default('10'),
});

const liquidationRecSchema = z.object({
  symbol: z.string(),
  side: z.enum(['BUY', 'SELL']),
  qty: decimal,
  price: decimal,
  avgPrice: decimal,
  isIsolated: z.boolean().default(false),
  updatedTime: time,
});

const spotBalanceSchema = z.object({ asset: z.string().min(1), free: decimal.default('0'), locked: decimal.default('0') });

const accountSchema = z.object({
  email: z.string().email(),
  /** False: the account never opened a margin wallet, so margin reads answer -3003. */
  marginWallet: z.boolean().default(true),
  /** The spot wallet (GET /api/v3/account); a LiquidationLoan is repaid from it. */
  spot: z.array(spotBalanceSchema).default([]),
  mode: z.enum(['CROSS_MARGIN_CLASSIC', 'CROSS_MARGIN_PRO', 'PORTFOLIO_MARGIN_PRO']).default('CROSS_MARGIN_CLASSIC'),
  tradeCoeff: z
    .object({ normalBar: decimal, marginCallBar: decimal, forceLiquidationBar: decimal })
    .default({ normalBar: '2', marginCallBar: '1.5', forceLiquidationBar: '1.1' }),
  assets: z.array(balanceSchema).default([]),
  isolated: z.array(isolatedPairSchema).default([]),
  /** PM Pro only: accountMaintMargin = maintMarginRate × Σ liabilities at current prices (a choice: one rate). */
  portfolio: z.object({ maintMarginRate: decimal }).optional(),
  keys: z.array(keySchema).default([]),
  /** Special keys created and since deleted: they keep the account in special-key mode until it exits. */
  deletedSpecialKeys: z
    .array(z.object({ apiKey: z.string(), apiName: z.string(), symbol: z.string().optional(), createdAt: time, deletedAt: time }))
    .default([]),
  exitedAt: time.optional(),
  liquidationLoan: z.object({ asset: z.string().default('USDC'), amount: decimal, repaidAmount: decimal.default('0') }).optional(),
  pmLoan: z.object({ asset: z.string().default('USDT'), amount: decimal }).optional(),
  forceLiquidationRec: z.array(liquidationRecSchema).default([]),
  beingLiquidated: z.boolean().default(false),
});

export const scenarioSchema = z
  .object({
    name: z.string(),
    /** The address every caller is taken to come from, checked against key IP whitelists. */
    clientIp: z.string().default('203.0.113.10'),
    /** Supplemental Product Terms signed at master level: binds the master and every sub-account. */
    termsSigned: z.boolean(),
    stablecoins: z.array(z.string()).default(['USDT', 'USDC', 'FDUSD']),
    /** Liquidation cost f: liquidated assets fetch (1 − f) of their value (docs/domain.md#exposure). */
    liquidationCost: decimal.default('0.01'),
    /** USD prices as `<ASSET>USDT` symbols; stablecoins are always 1. */
    prices: z.record(z.string().regex(/^[A-Z0-9]+USDT$/), decimal),
    /**
     * Assets Binance values for margin at its own index price but lists no ticker pair for (a pair being
     * delisted, a new margin asset): balances, `marginLevel` and the BTC totals include them at this USD price,
     * while `GET /api/v3/ticker/price` and `priceIndex` do not know them. This is how a client meets an asset it
     * cannot price (sim/README.md "Unpriced assets").
     */
    indexOnlyPrices: z.record(z.string().regex(/^[A-Z0-9]+$/), decimal).default({}),
    master: accountSchema.extend({ uid: z.number().int() }),
    subAccounts: z.array(
      accountSchema.extend({
        subUserId: z.number().int(),
        remark: z.string().default(''),
        isFreeze: z.boolean().default(false),
        createTime: time.default('-365d'),
      }),
    ),
  })
  .superRefine((s, ctx) => {
    const accounts = [s.master, ...s.subAccounts];
    const emails = new Set<string>();
    const keys = new Set<string>();
    for (const a of accounts) {
      if (emails.has(a.email)) ctx.addIssue({ code: 'custom', message: `duplicate email ${a.email}` });
      emails.add(a.email);
      if (a.keys.length > 30) ctx.addIssue({ code: 'custom', message: `${a.email} holds more than 30 keys` });
      if (a.mode === 'PORTFOLIO_MARGIN_PRO' && !a.portfolio)
        ctx.addIssue({ code: 'custom', message: `${a.email} is PM Pro but has no portfolio.maintMarginRate` });
      for (const k of a.keys) {
        if (keys.has(k.apiKey)) ctx.addIssue({ code: 'custom', message: `duplicate apiKey ${k.name}` });
        keys.add(k.apiKey);
      }
      for (const b of [...a.assets, ...a.isolated.flatMap((p) => [p.base, p.quote])]) {
        if (!s.stablecoins.includes(b.asset) && !(`${b.asset}USDT` in s.prices) && !(b.asset in s.indexOnlyPrices))
          ctx.addIssue({ code: 'custom', message: `${a.email}: no price for ${b.asset}` });
      }
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioAccount = Scenario['master'] | Scenario['subAccounts'][number];
export type ScenarioKey = z.infer<typeof keySchema>;
export type KeyPermissions = z.infer<typeof permissionsSchema>;

const here = path.dirname(fileURLToPath(import.meta.url));

/** `demo` (or any bare name) resolves to `sim/scenarios/<name>.json`; anything else is a file path. */
export async function loadScenario(nameOrPath: string): Promise<Scenario> {
  const file = /^[\w-]+$/.test(nameOrPath) ? path.join(here, 'scenarios', `${nameOrPath}.json`) : path.resolve(nameOrPath);
  const parsed = scenarioSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`invalid scenario ${file}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function parseScenario(input: unknown): Scenario {
  return scenarioSchema.parse(input);
}

/** What a scenario file may contain before defaults are filled in. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

import { z } from 'zod';
import { ONE, dec, fmt8 } from './decimal';
import { cooldownUntil, isBound } from './policy';
import type { AdminTarget } from './admin-target';
import { streamsAdmin } from './streams/admin';
import { crossValue, marginLevelString, portfolioValue } from './valuation';

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const pricesBody = z.union([
  z.object({ prices: z.record(z.string().regex(/^[A-Z0-9]+USDT$/), decimal) }),
  z.object({ shock: decimal }),
]);
const clockBody = z.object({ offsetMs: z.number().int() });
const faultsBody = z.object({
  latencyMs: z.number().int().min(0).optional(),
  error5xxRate: z.number().min(0).max(1).optional(),
  timeoutPaths: z.array(z.string()).optional(),
  force429: z.object({ path: z.string(), count: z.number().int().min(1), retryAfterSec: z.number().int().min(1).default(1) }).optional(),
  oddAnswers: z
    .array(z.object({ path: z.string(), account: z.string(), set: z.record(z.string(), z.unknown()).optional(), drop: z.array(z.string()).optional(), empty: z.boolean().optional() }))
    .optional(),
  echoErrors: z.array(z.object({ path: z.string(), account: z.string().optional(), status: z.number().int().min(400).max(599), code: z.number().int() })).optional(),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

type Out = { status: number; body: unknown };

/** Test control, not a Binance path: unsigned, loopback only, JSON in and out. */
export function handleAdmin(sim: AdminTarget, method: string, path: string, rawQuery: string, rawBody: string, remote: string | undefined): Out {
  if (!remote || !LOOPBACK.has(remote)) return { status: 403, body: { error: 'the /__sim/ API answers loopback callers only' } };
  let body: unknown = {};
  if (rawBody) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      return { status: 400, body: { error: 'body must be JSON' } };
    }
  }
  try {
    return route(sim, `${method} ${path}`, body, new URLSearchParams(rawQuery));
  } catch (e) {
    if (e instanceof z.ZodError) return { status: 400, body: { error: z.prettifyError(e) } };
    throw e;
  }
}

function route(sim: AdminTarget, key: string, body: unknown, query: URLSearchParams): Out {
  const { state } = sim;
  switch (key) {
    case 'POST /__sim/prices': {
      const b = pricesBody.parse(body);
      const liquidations = sim.movePrices(() => {
        if ('prices' in b) for (const [symbol, p] of Object.entries(b.prices)) state.prices.set(symbol.slice(0, -4), dec(p));
        else {
          // A uniform shock moves every non-stable asset by (1 + s); stablecoins stay at 1 (docs/domain.md#exposure).
          const factor = ONE.plus(b.shock);
          for (const [asset, p] of state.prices) if (!state.isStable(asset)) state.prices.set(asset, p.times(factor));
        }
      });
      return { status: 200, body: { prices: pricesView(sim), liquidations } };
    }
    case 'POST /__sim/clock': {
      state.clock.offsetMs = clockBody.parse(body).offsetMs;
      sim.streams.publish();
      return { status: 200, body: { offsetMs: state.clock.offsetMs, serverTime: state.clock.now() } };
    }
    case 'POST /__sim/faults': {
      const f = faultsBody.parse(body);
      if (f.latencyMs !== undefined) sim.faults.latencyMs = f.latencyMs;
      if (f.error5xxRate !== undefined) sim.faults.error5xxRate = f.error5xxRate;
      if (f.timeoutPaths !== undefined) sim.faults.timeoutPaths = f.timeoutPaths;
      if (f.oddAnswers !== undefined) sim.faults.oddAnswers = f.oddAnswers;
      if (f.echoErrors !== undefined) sim.faults.echoErrors = f.echoErrors;
      if (f.force429) sim.limiter.force429(f.force429);
      return { status: 200, body: { faults: sim.faults } };
    }
    case 'GET /__sim/requests': {
      const since = Number(query.get('since') ?? 0);
      return { status: 200, body: { requests: sim.recorder.requests.filter((r) => r.time >= since) } };
    }
    case 'GET /__sim/violations':
      return { status: 200, body: { violations: sim.recorder.violations } };
    case 'POST /__sim/reset':
      sim.reset();
      return { status: 200, body: { ok: true } };
    case 'GET /__sim/state':
      return { status: 200, body: stateView(sim) };
    default:
      return streamsAdmin(sim, key, body) ?? { status: 404, body: { error: `unknown control ${key}` } };
  }
}

function pricesView(sim: AdminTarget): Record<string, string> {
  return Object.fromEntries([...sim.state.prices].map(([a, p]) => [`${a}USDT`, fmt8(p)]));
}

function stateView(sim: AdminTarget) {
  const { state } = sim;
  return {
    serverTime: state.clock.now(),
    clockOffsetMs: state.clock.offsetMs,
    termsSigned: state.scenario.termsSigned,
    prices: pricesView(sim),
    faults: sim.faults,
    rateLimits: sim.limiter.snapshot(),
    accounts: state.accounts.map((a) => {
      const cross = crossValue(state, a.assets.values());
      const pm = a.mode === 'PORTFOLIO_MARGIN_PRO' ? portfolioValue(state, a) : undefined;
      const loan = a.liquidationLoan;
      return {
        email: a.email,
        uid: a.uid,
        isMaster: a.isMaster,
        mode: a.mode,
        bound: isBound(state, a),
        inSpecialKeyMode: a.inSpecialKeyMode,
        exitedAt: a.exitedAt ?? null,
        cooldownUntil: cooldownUntil(a) ?? null,
        marginLevel: marginLevelString(cross.marginLevel),
        assetUsd: fmt8(cross.assetUsd),
        liabilityUsd: fmt8(cross.liabilityUsd),
        uniMMR: pm?.uniMMR ? fmt8(pm.uniMMR) : null,
        keys: [...a.keys.values()].map((k) => ({ name: k.name, apiKey: k.apiKey, kind: k.kind, algorithm: k.algorithm, symbol: k.symbol ?? null, ip: k.ip })),
        specialKeyEvents: a.specialKeyEvents,
        liquidationLoan: loan ? { asset: loan.asset, amount: fmt8(loan.amount), repaidAmount: fmt8(loan.repaid) } : null,
        pmLoan: a.pmLoan ? { asset: a.pmLoan.asset, amount: fmt8(a.pmLoan.amount) } : null,
        liquidations: a.liquidations.length,
      };
    }),
  };
}

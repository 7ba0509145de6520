import { z } from 'zod';
import { dec, fmt8 } from '../decimal';
import type { AdminTarget } from '../admin-target';
import { emptyBalance } from '../state';
import { balanceUpdate } from './events';

const symbolPrices = z.record(z.string().regex(/^[A-Z0-9]+USDT$/), z.string().regex(/^\d+(\.\d+)?$/));
const streamsBody = z.object({
  maxConnectionMs: z.number().int().min(1).optional(),
  pmProUpdateMs: z.number().int().min(50).optional(),
  listenKeyTtlMs: z.number().int().min(1).optional(),
  expireListenKeys: z.literal(true).optional(),
  drop: z.union([z.literal(true), z.object({ listenKey: z.string().optional(), market: z.boolean().optional() })]).optional(),
});
const pathBody = z.union([
  z.object({ steps: z.array(symbolPrices).min(1).max(100_000), intervalMs: z.number().int().min(0).max(3_600_000) }),
  z.object({ stop: z.literal(true) }),
]);
const balanceBody = z.object({ email: z.string(), asset: z.string().regex(/^[A-Z0-9]+$/), delta: z.string().regex(/^-?\d+(\.\d+)?$/) });

type Out = { status: number; body: unknown };

/** Stream controls under /__sim/: connection faults and lifetimes, the price-path driver, deposits. */
export function streamsAdmin(sim: AdminTarget, key: string, body: unknown): Out | undefined {
  switch (key) {
    case 'POST /__sim/streams': {
      const b = streamsBody.parse(body);
      if (b.maxConnectionMs !== undefined) sim.streams.settings.maxConnectionMs = b.maxConnectionMs;
      if (b.pmProUpdateMs !== undefined) sim.streams.settings.pmProUpdateMs = b.pmProUpdateMs;
      if (b.listenKeyTtlMs !== undefined) sim.state.listenKeys.ttlMs = b.listenKeyTtlMs;
      if (b.expireListenKeys) sim.state.listenKeys.expireAll();
      const dropped = b.drop ? sim.streams.drop(b.drop === true ? {} : b.drop) : 0;
      return { status: 200, body: { dropped, connections: sim.streams.connectionCount, ...sim.streams.settings, listenKeyTtlMs: sim.state.listenKeys.ttlMs } };
    }
    case 'GET /__sim/streams':
      return { status: 200, body: { connections: sim.streams.connectionCount, ...sim.streams.settings, listenKeyTtlMs: sim.state.listenKeys.ttlMs, pricePath: sim.pricePath.progress } };
    case 'POST /__sim/price-path': {
      const b = pathBody.parse(body);
      if ('stop' in b) sim.pricePath.stop();
      else sim.pricePath.start(b.steps, b.intervalMs);
      return { status: 200, body: sim.pricePath.progress };
    }
    case 'POST /__sim/balances': {
      // A deposit (or, negative, a withdrawal) into the cross margin wallet: balanceUpdate, then the position.
      const b = balanceBody.parse(body);
      const account = sim.state.byEmail.get(b.email);
      if (!account) return { status: 404, body: { error: `no account ${b.email}` } };
      const bal = account.assets.get(b.asset) ?? emptyBalance(b.asset);
      const free = bal.free.plus(b.delta);
      if (free.lt(0)) return { status: 400, body: { error: 'the withdrawal exceeds the free balance' } };
      account.assets.set(b.asset, { ...bal, free });
      const now = sim.state.clock.now();
      sim.streams.emitUser(b.email, 'trade', balanceUpdate(now, b.asset, fmt8(dec(b.delta)), now));
      sim.streams.publish();
      return { status: 200, body: { asset: b.asset, free: fmt8(free) } };
    }
    default:
      return undefined;
  }
}

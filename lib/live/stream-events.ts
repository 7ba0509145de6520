import { z } from 'zod';
import { decimalStringSchema as dec } from '@/lib/schemas/exchange/common';

/**
 * Binance stream payloads the app reads (docs/live.md lists the sources), parsed at the boundary like every
 * exchange answer. Unknown event types parse as `null` and are ignored, not errors.
 */
const time = z.number().int().nonnegative();

export const miniTickerSchema = z.object({ e: z.literal('24hrMiniTicker'), E: time, s: z.string(), c: dec });
export const marginLevelStatusChangeSchema = z.object({ e: z.literal('MARGIN_LEVEL_STATUS_CHANGE'), E: time, l: dec, s: z.string() });
export const userLiabilityChangeSchema = z.object({
  e: z.literal('USER_LIABILITY_CHANGE'),
  E: time,
  a: z.string(),
  t: z.string(),
  p: dec,
  i: dec,
});
export const outboundAccountPositionSchema = z.object({
  e: z.literal('outboundAccountPosition'),
  E: time,
  u: time,
  B: z.array(z.object({ a: z.string(), f: dec, l: dec })),
});
export const balanceUpdateSchema = z.object({ e: z.literal('balanceUpdate'), E: time, a: z.string(), d: dec, T: time });
/**
 * Portfolio Margin Pro user data stream (docs/live.md): uniMMR crossed a risk level (MARGIN_CALL, REDUCE_ONLY,
 * FORCE_LIQUIDATION), with uniMMR `u`, equity `eq`, equity without collateral rate `ae` and maintenance margin `m`
 * (USD). The type is `riskLevelChange` in the only payload Binance shows; the PM Pro page names the event
 * RISK_LEVEL_CHANGE, which is read as the same event **(choice)**.
 */
export const riskLevelChangeSchema = z.object({ e: z.literal('riskLevelChange'), E: time, u: dec, s: z.string(), eq: dec, ae: dec, m: dec });
/** Every 5 s: uniMMR `u`, equity `eq`/`ae`, initial and maintenance margin `im`/`mm`, available `avb`, max withdraw `vmw` (USD). */
export const pmProAccountUpdateSchema = z.object({
  e: z.literal('PM_PRO_ACCOUNT_UPDATE'),
  E: time,
  u: dec,
  eq: dec,
  ae: dec,
  im: dec,
  mm: dec,
  avb: dec,
  vmw: dec,
});
export const listenKeyExpiredSchema = z.object({ e: z.literal('listenKeyExpired'), E: time, listenKey: z.string() });

const eventSchema = z.discriminatedUnion('e', [
  miniTickerSchema,
  marginLevelStatusChangeSchema,
  userLiabilityChangeSchema,
  outboundAccountPositionSchema,
  balanceUpdateSchema,
  riskLevelChangeSchema,
  pmProAccountUpdateSchema,
  listenKeyExpiredSchema,
]);

export type StreamEvent = z.output<typeof eventSchema>;
export type MiniTicker = z.output<typeof miniTickerSchema>;

const KNOWN = new Set(eventSchema.options.map((o) => o.shape.e.value as string));
/** Another name Binance's pages give an event type (riskLevelChangeSchema). */
const ALIASES: Record<string, string> = { RISK_LEVEL_CHANGE: 'riskLevelChange' };

/** One frame: raw or combined (`{stream, data}`), a single event or an array (`!miniTicker@arr`). */
export function parseFrame(text: string): { stream: string | null; events: StreamEvent[]; malformed: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { stream: null, events: [], malformed: 1 };
  }
  let stream: string | null = null;
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'stream' in raw && 'data' in raw) {
    stream = String((raw as { stream: unknown }).stream);
    raw = (raw as { data: unknown }).data;
  }
  const items = Array.isArray(raw) ? raw : [raw];
  const events: StreamEvent[] = [];
  let malformed = 0;
  for (const item of items) {
    const given = item && typeof item === 'object' ? (item as { e?: unknown }).e : undefined;
    const type = typeof given === 'string' ? (ALIASES[given] ?? given) : undefined;
    if (type === undefined || !KNOWN.has(type)) continue;
    const parsed = eventSchema.safeParse(type === given ? item : { ...(item as object), e: type });
    if (parsed.success) events.push(parsed.data);
    else malformed++;
  }
  return { stream, events, malformed };
}

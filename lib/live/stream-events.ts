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
export const listenKeyExpiredSchema = z.object({ e: z.literal('listenKeyExpired'), E: time, listenKey: z.string() });

const eventSchema = z.discriminatedUnion('e', [
  miniTickerSchema,
  marginLevelStatusChangeSchema,
  userLiabilityChangeSchema,
  outboundAccountPositionSchema,
  balanceUpdateSchema,
  listenKeyExpiredSchema,
]);

export type StreamEvent = z.output<typeof eventSchema>;
export type MiniTicker = z.output<typeof miniTickerSchema>;

const KNOWN = new Set(eventSchema.options.map((o) => o.shape.e.value as string));

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
    const type = item && typeof item === 'object' ? (item as { e?: unknown }).e : undefined;
    if (typeof type !== 'string' || !KNOWN.has(type)) continue;
    const parsed = eventSchema.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else malformed++;
  }
  return { stream, events, malformed };
}

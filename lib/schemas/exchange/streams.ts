import { z } from 'zod';
import { decimalStringSchema as dec } from './common';

// POST /sapi/v1/margin/listen-key and /sapi/v1/userDataStream answer `{listenKey}`; PUT and DELETE answer `{}`.
export const listenKeySchema = z.object({ listenKey: z.string().min(1) });

// GET /api/v3/klines: [openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBase, takerQuote, ignore].
export const klinesSchema = z.array(z.tuple([z.number(), dec, dec, dec, dec, dec, z.number(), dec, z.number(), dec, dec, z.string()]));

import { z } from 'zod';
import { decimalStringSchema, epochMsSchema, idSchema } from './common';

// GET /api/v3/time
export const serverTimeSchema = z.looseObject({ serverTime: epochMsSchema });

const tickerPriceItemSchema = z.looseObject({ symbol: z.string(), price: decimalStringSchema });

// GET /api/v3/ticker/price answers one object for `symbol`, an array for `symbols` or no parameter;
// normalised to an array so callers handle one shape.
export const tickerPriceSchema = z
  .union([tickerPriceItemSchema, z.array(tickerPriceItemSchema)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

// POST /api/v3/order (ACK is the smallest documented answer; RESULT/FULL add fields, tolerated).
export const newOrderSchema = z.looseObject({
  symbol: z.string(),
  orderId: idSchema,
  clientOrderId: z.string(),
  transactTime: epochMsSchema,
});

// GET /api/v3/account ("Account information (USER_DATA)"): the spot wallet, from which Binance repays a
// LiquidationLoan. Only the balances are read.
export const spotAccountSchema = z.looseObject({
  balances: z.array(z.looseObject({ asset: z.string(), free: decimalStringSchema, locked: decimalStringSchema })),
});

export type TickerPrice = z.output<typeof tickerPriceSchema>[number];

import { z } from 'zod';

// Binance sends money as decimal strings ("0.00499500"). They stay strings here: the domain parses them with
// one decimal library (docs/domain.md#exposure), never with float64 at the boundary.
export const decimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

// A balance Binance can never report below zero (free, locked, borrowed, interest): a negative one is an odd answer,
// and the account is marked unread rather than valued with it (docs/domain.md#status, "unknown is never zero").
export const amountStringSchema = z.string().regex(/^\d+(\.\d+)?$/, 'expected a non-negative decimal string');

// Ids can exceed 2^53 (e.g. PM Pro tranId 58203331886213504); the client's JSON reader turns unsafe integers into
// strings so no digit is lost. Safe ones stay numbers.
export const idSchema = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]);

export const epochMsSchema = z.number().int().nonnegative();

// Mutations such as DELETE /sapi/v1/margin/apiKey answer `{}`; extra fields are tolerated, not required.
export const emptyObjectSchema = z.looseObject({});

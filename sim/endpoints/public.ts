import { Dec, ZERO, dec, fmt8 } from '../decimal';
import { err } from '../errors';
import type { Params } from '../params';
import type { Route } from '../route';
import type { SimState } from '../state';
import { listedSymbols, symbolPrice } from '../symbols';

const ORDER_RESP_TYPES = ['ACK', 'RESULT', 'FULL'];
const DAY_MS = 86_400_000;

function tickerOne(state: SimState, symbol: string) {
  const p = symbolPrice(state, symbol);
  if (!p) throw err.badSymbol();
  return { symbol, price: fmt8(p) };
}

function parseSymbols(raw: string): string[] {
  try {
    const list: unknown = JSON.parse(raw);
    if (Array.isArray(list) && list.every((s) => typeof s === 'string')) return list;
  } catch {
    // fall through: Binance rejects a malformed list as an invalid parameter
  }
  throw err.invalidParam('symbols');
}

function optionalDecimal(params: Params, name: string): Dec {
  return params.get(name) === undefined ? ZERO : dec(params.decimal(name));
}

export const publicRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v3/time',
    weight: 1,
    limit: 'API',
    security: 'NONE',
    handler: ({ now }) => ({ serverTime: now }),
  },
  {
    method: 'GET',
    path: '/api/v3/ticker/price',
    // Binance: 2 for one symbol, 4 for a list or for all symbols.
    weight: (p: Params) => (p.get('symbol') ? 2 : 4),
    limit: 'API',
    security: 'NONE',
    handler: ({ state, params }) => {
      const symbol = params.get('symbol');
      if (symbol) return tickerOne(state, symbol);
      const symbols = params.get('symbols');
      if (symbols) return parseSymbols(symbols).map((s) => tickerOne(state, s));
      return listedSymbols(state).map((s) => tickerOne(state, s));
    },
  },
  {
    method: 'POST',
    path: '/api/v3/order',
    weight: 1,
    limit: 'API',
    security: 'TRADE',
    // An acceptance only: enough to show a special key trades on /api. Nothing is filled or booked.
    handler: (ctx) => {
      const { state, params, key, now, account } = ctx;
      const symbol = params.required('symbol');
      const side = params.required('side');
      const type = params.required('type');
      if (!symbolPrice(state, symbol)) throw err.badSymbol();
      if (side !== 'BUY' && side !== 'SELL') throw err.invalidParam('side');
      // "newOrderRespType: ACK, RESULT, or FULL; MARKET and LIMIT order types default to FULL, all other orders default to ACK."
      const respType = params.get('newOrderRespType') ?? (type === 'MARKET' || type === 'LIMIT' ? 'FULL' : 'ACK');
      if (!ORDER_RESP_TYPES.includes(respType)) throw err.invalidParam('newOrderRespType');
      // An isolated special key trades only its own pair.
      if (key.symbol && key.symbol !== symbol) throw err.invalidKey();
      account.orderTimes = account.orderTimes.filter((t) => t > now - DAY_MS);
      account.orderTimes.push(now);
      // "X-MBX-ORDER-COUNT-(intervalNum)(intervalLetter)": unfilled orders placed in each interval.
      ctx.headers = {
        'X-MBX-ORDER-COUNT-10S': String(account.orderTimes.filter((t) => t > now - 10_000).length),
        'X-MBX-ORDER-COUNT-1D': String(account.orderTimes.length),
      };
      const ack = { symbol, orderId: state.id(), orderListId: -1, clientOrderId: params.get('newClientOrderId') ?? `sim${now}`, transactTime: now };
      if (respType === 'ACK') return ack;
      const result = {
        ...ack,
        price: fmt8(optionalDecimal(params, 'price')),
        origQty: fmt8(optionalDecimal(params, 'quantity')),
        executedQty: '0.00000000',
        origQuoteOrderQty: fmt8(optionalDecimal(params, 'quoteOrderQty')),
        cummulativeQuoteQty: '0.00000000',
        status: 'NEW',
        timeInForce: params.get('timeInForce') ?? 'GTC',
        type,
        side,
        workingTime: now,
        selfTradePreventionMode: 'EXPIRE_MAKER',
      };
      return respType === 'RESULT' ? result : { ...result, fills: [] };
    },
  },
];

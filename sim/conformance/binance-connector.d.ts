// The official connector ships no types: the little of its public surface the conformance suite uses.
declare module '@binance/connector' {
  interface Answer {
    data: unknown;
    status: number;
    headers: Record<string, string>;
  }
  export const PrivateKeyAlgo: { RSA: string; ED25519: string };
  export class Spot {
    constructor(apiKey?: string, apiSecret?: string, options?: { baseURL?: string; privateKey?: string; privateKeyAlgo?: string });
    signRequest(method: string, path: string, params?: Record<string, unknown>): Promise<Answer>;
    publicRequest(method: string, path: string, params?: Record<string, unknown>): Promise<Answer>;
    account(options?: Record<string, unknown>): Promise<Answer>;
    marginAccount(options?: Record<string, unknown>): Promise<Answer>;
    isolatedMarginAccountInfo(options?: Record<string, unknown>): Promise<Answer>;
    marginForceLiquidationRecord(options?: Record<string, unknown>): Promise<Answer>;
    tickerPrice(symbol?: string, symbols?: string[]): Promise<Answer>;
    newOrder(symbol: string, side: string, type: string, options?: Record<string, unknown>): Promise<Answer>;
    portfolioMarginAccount(options?: Record<string, unknown>): Promise<Answer>;
    portfolioMarginBankruptcyLoanAmount(options?: Record<string, unknown>): Promise<Answer>;
    subAccountList(options?: Record<string, unknown>): Promise<Answer>;
    apiPermissions(options?: Record<string, unknown>): Promise<Answer>;
  }
}

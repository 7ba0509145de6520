/**
 * Binance error answers: `{code, msg}` with the HTTP status Binance uses. Documented codes carry Binance's
 * own messages (developers.binance.com "Error Codes" pages: spot -1xxx/-2xxx, margin -3xxx, portfolio margin
 * -21xxx). Where Binance documents a rule but **publishes no code** (special-key limits, exit refusals,
 * sub-account lookups) we use the -12xxx block below: NOT PUBLISHED BY BINANCE, listed in UNPUBLISHED_CODES,
 * and never asserted by a test that claims to show Binance's behaviour (sim/conformance/ asserts only the
 * HTTP status and that the code is one of ours). A client must treat them as "unknown exchange refusal".
 */
export class BinanceError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    msg: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(msg);
  }
}

export const err = {
  unknown: () => new BinanceError(500, -1000, 'An unknown error occurred while processing the request.'),
  internal: () => new BinanceError(503, -1001, 'Internal error; unable to process your request. Please try again.'),
  unauthorized: () => new BinanceError(401, -1002, 'You are not authorized to execute this request.'),
  tooMuchWeight: (limit: number, retryAfterSec: number) =>
    new BinanceError(429, -1003, `Too much request weight used; current limit is ${limit} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.`, { 'Retry-After': String(retryAfterSec) }),
  banned: (untilMs: number, retryAfterSec: number) =>
    new BinanceError(418, -1003, `Way too much request weight used; IP banned until ${untilMs}. Please use WebSocket Streams for live updates to avoid bans.`, { 'Retry-After': String(retryAfterSec) }),
  timestampAhead: () => new BinanceError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time."),
  timestampOutside: () => new BinanceError(400, -1021, 'Timestamp for this request is outside of the recvWindow.'),
  badSignature: () => new BinanceError(400, -1022, 'Signature for this request is not valid.'),
  illegalChars: (name: string) => new BinanceError(400, -1100, `Illegal characters found in parameter '${name}'; legal range is '^[0-9]{1,20}$'.`),
  duplicateParam: () => new BinanceError(400, -1101, 'Duplicate values for a parameter detected.'),
  mandatory: (name: string) => new BinanceError(400, -1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`),
  badSymbol: () => new BinanceError(400, -1121, 'Invalid symbol.'),
  recvWindowTooLarge: () => new BinanceError(400, -1131, 'recvWindow must be less than 60000'),
  invalidParam: (name: string) => new BinanceError(400, -1130, `Data sent for parameter '${name}' is not valid.`),
  badApiKeyId: () => new BinanceError(400, -2008, 'Invalid Api-Key ID.'),
  keyFormat: () => new BinanceError(401, -2014, 'API-key format invalid.'),
  invalidKey: () => new BinanceError(401, -2015, 'Invalid API-key, IP, or permissions for action.'),
  exceedBorrow: () => new BinanceError(400, -3006, 'Your borrow amount has exceed maximum borrow amount.'),
  repayExceeds: () => new BinanceError(400, -3015, 'Repay amount exceeds borrow amount.'),
  balanceNotEnough: () => new BinanceError(400, -3041, 'Balance is not enough'),
  noMarginAccount: () => new BinanceError(400, -3003, 'Margin account does not exist.'),
  // Portfolio Margin error codes page: -21001 USER_IS_NOT_UNIACCOUNT, -21004 USER_NO_LIABILITY.
  notPortfolioMargin: () => new BinanceError(400, -21001, 'Request ID is not a Portfolio Margin Account.'),
  noBankruptcyLoan: () => new BinanceError(400, -21004, "User doesn't have portfolio margin bankruptcy loan"),
  // NOT PUBLISHED BY BINANCE: the codes below are ours (Binance documents the rule, not the code).
  keyLimit: () => new BinanceError(400, -12001, 'This account already holds 30 API keys (normal and special together). Delete a key before creating another.'),
  termsNotSigned: () => new BinanceError(400, -12002, 'The Margin Special Key Supplemental Product Terms are not signed at master-account level.'),
  cooldown: (untilMs: number) => new BinanceError(400, -12003, `Special key creation is blocked until ${new Date(untilMs).toISOString()} (24 h cooldown after exiting special key mode).`),
  exitLiability: () => new BinanceError(400, -12004, 'Exit refused: the account still has liabilities (borrowed, interest or an outstanding LiquidationLoan).'),
  exitLiquidating: () => new BinanceError(400, -12005, 'Exit refused: the account is being liquidated.'),
  exitWrongProduct: () => new BinanceError(400, -12006, 'Exit special key mode is only available for Cross Margin Classic accounts.'),
  productNotSupported: () => new BinanceError(400, -12007, 'Margin special keys are not supported for this product (Cross Margin Pro).'),
  noSuchSubAccount: () => new BinanceError(400, -12012, 'Sub-account not found under this master account.'),
  noLiquidationLoan: () => new BinanceError(400, -12013, 'There is no outstanding liquidation loan, or the amount exceeds the remaining balance.'),
  notFound: () => new BinanceError(404, -1000, 'Unknown path.'),
} as const;

/** Codes the simulator answers that Binance does not publish: clients may only read them as "refused". */
export const UNPUBLISHED_CODES: ReadonlySet<number> = new Set([-12001, -12002, -12003, -12004, -12005, -12006, -12007, -12012, -12013]);

import 'server-only';

export { createExchangeClient, DEFAULT_RECV_WINDOW_MS, type ExchangeClient, type ExchangeClientOptions } from './client';
export { ENDPOINTS, futuresBaseUrl, type EndpointName, type EndpointResult, type LimitScope, type Security } from './endpoints';
export { describeBinanceCode } from './errors';
export { buildSignedQuery, encodeParams, signPayload } from './sign';
export { listAllSubAccounts, type ListedSubAccount } from './sub-account-list';
export { SpecialKeyGuard, isSapiPath, specialKeyGuard } from './special-key-guard';
export type { ClientStats } from './stats';
export {
  ExchangeError,
  RateLimitedError,
  SpecialKeyGuardError,
  TimeoutError,
  type ExchangeCredentials,
  type ExchangeErrorCode,
  type ExchangeSigner,
} from './types';
export { DEFAULT_SAFETY_MARGIN, SCOPE_LIMITS, WeightBudget, sharedWeightBudget } from './weight-budget';

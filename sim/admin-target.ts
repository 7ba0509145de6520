import type { OddAnswer } from './odd-answers';
import type { LiquidationEvent } from './liquidation';
import type { RateLimiter } from './rate-limit';
import type { Recorder } from './recorder';
import type { SimState } from './state';
import type { StreamHub } from './streams/hub';
import type { PricePath } from './streams/price-path';

export interface Faults {
  latencyMs: number;
  error5xxRate: number;
  /** Requests to these paths are never answered, so clients' timeouts can be tested. */
  timeoutPaths: string[];
  /** Answers rewritten for one path and calling account (sim/odd-answers.ts). */
  oddAnswers?: OddAnswer[];
  /**
   * Error answers that quote the request back (its query string, signature included, and its API key), as a
   * gateway or an error page in front of an exchange may: a client must not store or show what it is sent.
   */
  echoErrors?: EchoError[];
}

export interface EchoError {
  path: string;
  /** The calling account's email; absent: every caller. */
  account?: string;
  status: number;
  code: number;
}

/**
 * What the `/__sim/` controls read and change on the running simulator. The Simulator class satisfies it;
 * the controls depend on this shape rather than on the class, so the class can route to them without a cycle.
 */
export interface AdminTarget {
  readonly state: SimState;
  readonly recorder: Recorder;
  readonly limiter: RateLimiter;
  readonly streams: StreamHub;
  readonly pricePath: PricePath;
  faults: Faults;
  movePrices(change: () => void): LiquidationEvent[];
  reset(): void;
}

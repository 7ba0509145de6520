/** What the simulator saw: tests read it through /__sim/requests and /__sim/violations. */
export interface RequestRecord {
  time: number;
  method: string;
  path: string;
  apiKey?: string;
  keyName?: string;
  keyType?: 'normal' | 'special';
  account?: string;
  /** The special key a request names (`apiKey` parameter): tests check no key is deleted twice. */
  targetKey?: string;
  weight: number;
  status: number;
  code?: number;
  durationMs: number;
}

export interface Violation {
  time: number;
  rule: 'SPECIAL_KEY_ON_SAPI';
  method: string;
  path: string;
  apiKey: string;
  keyName: string;
  account: string;
  signatureValid: boolean;
}

const MAX_REQUESTS = 20_000;

export class Recorder {
  requests: RequestRecord[] = [];
  violations: Violation[] = [];

  request(r: RequestRecord): void {
    this.requests.push(r);
    // Bounded so a long benchmark cannot exhaust memory; the newest entries are kept.
    if (this.requests.length > MAX_REQUESTS) this.requests.splice(0, this.requests.length - MAX_REQUESTS);
  }

  reset(): void {
    this.requests = [];
    this.violations = [];
  }
}

import { err } from './errors';

/**
 * Request parameters from the query string and the form body together, as Binance reads them. Spot API
 * "General API Information" (binance-spot-api-docs rest-api.md): "If a parameter sent in both the query
 * string and request body, the query string parameter will be used." (The signature still covers both.)
 * (choice) The same name twice inside one of them is -1101, "Duplicate values for a parameter detected".
 */
export class Params {
  private readonly values = new Map<string, string>();

  constructor(rawQuery: string, rawBody: string) {
    const query = once(rawQuery);
    for (const [k, v] of once(rawBody)) if (!query.has(k)) this.values.set(k, v);
    for (const [k, v] of query) this.values.set(k, v);
  }

  get(name: string): string | undefined {
    const v = this.values.get(name);
    return v === undefined || v === '' ? undefined : v;
  }

  /** Missing or empty mandatory parameter → -1102, Binance's wording. */
  required(name: string): string {
    const v = this.get(name);
    if (v === undefined) throw err.mandatory(name);
    return v;
  }

  int(name: string): number | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (!/^-?\d{1,20}$/.test(v)) throw err.illegalChars(name);
    return Number(v);
  }

  decimal(name: string): string {
    const v = this.required(name);
    if (!/^\d+(\.\d+)?$/.test(v)) throw err.invalidParam(name);
    return v;
  }

  /**
   * A positive decimal with at most three decimals (recvWindow: the spot docs allow microsecond precision,
   * "e.g. 6000.346"); -1100 otherwise.
   */
  millis(name: string): number | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,20}(\.\d{1,3})?$/.test(v)) throw err.illegalChars(name);
    return Number(v);
  }

  bool(name: string): boolean | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    return v.toUpperCase() === 'TRUE';
  }
}

function once(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(raw)) {
    if (out.has(k)) throw err.duplicateParam();
    out.set(k, v);
  }
  return out;
}

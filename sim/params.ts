import { err } from './errors';

/** Request parameters from the query string and the form body together, as Binance reads them. */
export class Params {
  private readonly values = new Map<string, string>();

  constructor(rawQuery: string, rawBody: string) {
    for (const raw of [rawQuery, rawBody]) {
      for (const [k, v] of new URLSearchParams(raw)) {
        if (this.values.has(k)) throw err.duplicateParam();
        this.values.set(k, v);
      }
    }
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

  bool(name: string): boolean | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    return v.toUpperCase() === 'TRUE';
  }
}

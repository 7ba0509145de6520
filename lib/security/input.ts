// Input no route's own schema should have to think about (docs/security.md, "Bad input"). Pure: no I/O.

/** The largest request body any route reads; past it the answer is 413 and the body is never echoed. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Where a NUL character hides in a parsed input (`path.to.field`), or null. PostgreSQL text cannot hold one. */
export function findNul(input: unknown, at = ''): string | null {
  if (typeof input === 'string') return input.includes('\u0000') ? at || 'the value' : null;
  if (Array.isArray(input)) {
    for (const [i, v] of input.entries()) {
      const found = findNul(v, at ? `${at}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (input && typeof input === 'object') {
    for (const [k, v] of Object.entries(input)) {
      if (k.includes('\u0000')) return at || 'a field name';
      const found = findNul(v, at ? `${at}.${k}` : k);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Whether every `%` in a URL path starts an escape that decodes to UTF-8. */
export function hasValidEscapes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Dates a person can mean here: PostgreSQL and JavaScript both hold them, unlike year 0 or 275760. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 11, 31, 23, 59, 59, 999);
export const IMPLAUSIBLE_DATE = 'a date between 2000-01-01 and 2100-12-31';

export function isPlausibleDate(value: Date | string): boolean {
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(t) && t >= EARLIEST && t <= LATEST;
}

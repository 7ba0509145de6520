import { KEY_RULES } from './config';

export type IpListResult = { ok: true; ips: string[] } | { ok: false; error: string };

const IPV4_PART = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_PART}(\\.${IPV4_PART}){3}$`);

function isIpv4(s: string): boolean {
  return IPV4.test(s);
}

function isIpv6(s: string): boolean {
  // An embedded IPv4 tail (::ffff:1.2.3.4) stands for two groups.
  let groups = s;
  let extra = 0;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    if (!isIpv4(s.slice(lastColon + 1))) return false;
    groups = `${s.slice(0, lastColon + 1)}0`;
    extra = 1;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const parts = (h: string) => (h === '' ? [] : h.split(':'));
  const all = halves.flatMap(parts);
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = all.length + extra;
  return halves.length === 2 ? count < 8 : count === 8;
}

/** One whitelist entry as Binance accepts it: an IPv4 or IPv6 address, optionally with a CIDR prefix. */
export function ipEntryError(entry: string): string | null {
  const [address = '', prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return `"${entry}" has more than one "/"`;
  const v4 = isIpv4(address);
  if (!v4 && !isIpv6(address)) return `"${entry}" is not an IPv4 or IPv6 address`;
  if (prefix === undefined) return null;
  const max = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `"${entry}": the CIDR prefix must be 0–${max}`;
  return null;
}

/**
 * Parses an IP whitelist typed by a person (commas, spaces or new lines between entries) into the list
 * Binance takes. Every problem is reported before anything is sent to the exchange.
 */
export function parseIpList(input: string): IpListResult {
  const ips = input.split(/[\s,]+/).filter(Boolean);
  if (ips.length === 0) return { ok: false, error: 'Enter at least one IP address: a key without a whitelist is a risk.' };
  if (ips.length > KEY_RULES.maxIpEntries) return { ok: false, error: `At most ${KEY_RULES.maxIpEntries} addresses (${ips.length} entered).` };
  const duplicate = ips.find((ip, i) => ips.indexOf(ip) !== i);
  if (duplicate) return { ok: false, error: `"${duplicate}" is listed twice.` };
  for (const ip of ips) {
    const error = ipEntryError(ip);
    if (error) return { ok: false, error: `${error}.` };
  }
  return { ok: true, ips };
}

/** Binance's `ip` field: empty or only "0.0.0.0" (its "initial state") means no whitelist (docs/domain.md#keys). */
export function hasNoWhitelist(ip: string | null | undefined): boolean {
  const entries = (ip ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return entries.every((e) => e === '0.0.0.0');
}

// Where a connection may point (docs/security.md, "Bad input"). Pure: names are judged as written, no DNS.

const PRIVATE_V4: [number, number][] = [
  [0x0a000000, 8], // 10/8
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xa9fe0000, 16], // 169.254/16 link-local (cloud metadata)
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x00000000, 8], // 0/8
];

function ipv4(host: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

const inRange = (ip: number, [base, bits]: [number, number]) => (ip >>> (32 - bits)) === (base >>> (32 - bits));

function isLoopback(host: string): boolean {
  const v4 = ipv4(host);
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || (v4 !== null && v4 >>> 24 === 127);
}

function isPrivate(host: string): boolean {
  const v4 = ipv4(host);
  if (v4 !== null) return PRIVATE_V4.some((r) => inRange(v4, r));
  if (host.startsWith('[')) {
    const h = host.slice(1, -1).toLowerCase();
    // fc00::/7 unique local, fe80::/10 link-local, :: unspecified, IPv4-mapped addresses judged as such.
    if (/^f[cd][0-9a-f]{0,2}:/.test(h) || /^fe[89ab][0-9a-f]?:/.test(h) || h === '::') return true;
    // An IPv4-mapped address (the URL parser writes ::ffff:10.0.0.1 as ::ffff:a00:1): judged as the IPv4 one.
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
    if (!mapped) return false;
    const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    const v4 = `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
    return isPrivate(v4) || isLoopback(v4);
  }
  return !host.includes('.') || host.endsWith('.internal') || host.endsWith('.local') || host.endsWith('.lan') || host.endsWith('.home.arpa');
}

/**
 * Why a connection's base URL is refused, or null. https only; the demo simulator on loopback (http or https)
 * only in demo mode; private, link-local and internal names only when the operator allows them.
 */
export function exchangeUrlProblem(url: string, opts: { demo: boolean; allowPrivate: boolean }): string | null {
  const u = new URL(url);
  const host = u.hostname.toLowerCase();
  if (isLoopback(host)) {
    return opts.demo ? null : 'a loopback address is allowed only for the demo simulator (demo mode)';
  }
  if (u.protocol !== 'https:') return 'an https:// URL (the exchange is reached over TLS only)';
  if (isPrivate(host) && !opts.allowPrivate)
    return 'a public exchange address: private and internal addresses need MARGINWATCH_ALLOW_PRIVATE_EXCHANGE=true';
  return null;
}

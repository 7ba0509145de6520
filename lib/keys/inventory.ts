import { bindingFlag, isIdle, isUnsupportedProduct } from './flags';
import { hasNoWhitelist } from './ip-list';
import { countKeys } from './quota';
import type { BindingView } from '@/lib/risk/binding-view';
import type { InventoryAccount, InventoryKey, KeyFlag, KeyInventory, TermsStatus } from './types';

const DAY_MS = 86_400_000;

/** Everything stored about one account's keys, as the server reads it (dates as Date, no secrets). */
export interface AccountKeyFacts {
  email: string;
  isMaster: boolean;
  mode: string | null;
  rule: string | null;
  /** The snapshot's binding verdict with its evidence (null for the master, which has no snapshot). */
  binding?: BindingView | null;
  stored: { id: string; apiKey: string; name: string; signerType: string; permissions: Record<string, unknown> | null }[];
  /** The last special-key list read with the account's own key (the latest snapshot); null: none read. */
  specialListed: { apiKey: string; type?: string }[] | null;
  sightings: { id: string; apiKey: string; name: string | null; symbol: string | null; permissionMode: string | null; ip: string | null; firstSeenAt: Date; lastSeenAt: Date; deletedAt: Date | null; changedAt: Date | null }[];
  keyList: { readAt: Date; keys: { apiKey: string; apiName: string | null; canTrade: boolean | null; createdAt: string | null }[] } | null;
  exit: { confirmedAt: Date; cooldownEndsAt: Date } | null;
}

export function maskKey(apiKey: string): string {
  return `••••${apiKey.slice(-4)}`;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

// The apiRestrictions flags worth showing, in Binance's names.
const NORMAL_PERMISSIONS: [string, string][] = [
  ['enableReading', 'read'],
  ['enableSpotAndMarginTrading', 'spot & margin trade'],
  ['enableMargin', 'margin loan/repay'],
  ['enableFutures', 'futures'],
  ['enableWithdrawals', 'withdraw'],
  ['enableInternalTransfer', 'internal transfer'],
  ['permitsUniversalTransfer', 'universal transfer'],
  ['enableVanillaOptions', 'options'],
];

function signatureName(t: string | undefined | null): string | null {
  if (!t) return null;
  if (/hmac/i.test(t)) return 'HMAC';
  if (/ed25519/i.test(t)) return 'Ed25519';
  if (/rsa/i.test(t)) return 'RSA';
  return t;
}

function storedKey(a: AccountKeyFacts, s: AccountKeyFacts['stored'][number], listed: boolean): InventoryKey {
  const p = s.permissions ?? {};
  const flags: KeyFlag[] = p.enableWithdrawals === true ? ['withdrawals'] : [];
  return {
    id: `stored:${s.id}`, account: a.email, name: s.name, maskedKey: maskKey(s.apiKey), kind: 'normal',
    signature: signatureName(s.signerType), symbol: null,
    permissions: NORMAL_PERMISSIONS.filter(([k]) => p[k] === true).map(([, label]) => label),
    // apiRestrictions says only whether an IP restriction exists, not the addresses.
    ipList: p.ipRestrict === true ? ['restricted'] : p.ipRestrict === false ? [] : null,
    sources: listed ? ['stored', 'listed'] : ['stored'],
    createdAt: null, firstSeenAt: null, lastSeenAt: null, deletedAt: null, idleDays: null, flags,
  };
}

function specialKey(a: AccountKeyFacts, s: AccountKeyFacts['sightings'][number], created: string | null, now: Date): InventoryKey {
  const type = a.specialListed?.find((k) => k.apiKey === s.apiKey)?.type;
  const live = s.deletedAt === null;
  const since = Math.max(created ? Date.parse(created) : s.firstSeenAt.getTime(), s.changedAt?.getTime() ?? 0);
  const idleDays = live ? Math.floor((now.getTime() - since) / DAY_MS) : null;
  const flags: KeyFlag[] = [];
  if (live && hasNoWhitelist(s.ip)) flags.push('special-no-ip');
  if (live && isUnsupportedProduct(a.mode)) flags.push('unsupported-product');
  if (live && isIdle(idleDays)) flags.push('idle-special');
  return {
    id: `special:${s.id}`, account: a.email, name: s.name, maskedKey: maskKey(s.apiKey), kind: 'special',
    signature: signatureName(type), symbol: s.symbol,
    permissions: s.permissionMode ? [s.permissionMode] : [],
    ipList: s.ip === null ? null : s.ip.split(',').map((x) => x.trim()).filter((x) => x && x !== '0.0.0.0'),
    sources: live ? ['listed'] : ['history'], createdAt: created, firstSeenAt: iso(s.firstSeenAt), lastSeenAt: iso(s.lastSeenAt), deletedAt: iso(s.deletedAt),
    idleDays, flags,
  };
}

/** One account's rows, quota and flags. */
export function assembleAccount(a: AccountKeyFacts, now: Date): InventoryAccount {
  const listedKeys = new Map((a.keyList?.keys ?? []).map((k) => [k.apiKey, k]));
  const specials = a.sightings.map((s) => specialKey(a, s, listedKeys.get(s.apiKey)?.createdAt ?? null, now));
  const specialIds = new Set(a.sightings.map((s) => s.apiKey));
  const storedIds = new Set(a.stored.map((s) => s.apiKey));
  const specialKeysKnown = a.specialListed !== null;
  const normals = a.stored.filter((s) => !specialIds.has(s.apiKey)).map((s) => storedKey(a, s, listedKeys.has(s.apiKey)));
  // Listed by the exchange but neither stored nor seen as special: normal when the account's special keys are
  // known (they would have been seen), otherwise it cannot be told.
  const others: InventoryKey[] = [...listedKeys.values()]
    .filter((k) => !specialIds.has(k.apiKey) && !storedIds.has(k.apiKey))
    .map((k, i) => ({
      id: `listed:${a.email}:${i}`, account: a.email, name: k.apiName, maskedKey: maskKey(k.apiKey),
      kind: specialKeysKnown ? 'normal' : 'unclassified', signature: null, symbol: null,
      permissions: k.canTrade ? ['spot & margin trade'] : [], ipList: null, sources: ['listed'],
      createdAt: k.createdAt, firstSeenAt: null, lastSeenAt: null, deletedAt: null, idleDays: null, flags: [],
    }));

  const liveSpecial = a.sightings.filter((s) => s.deletedAt === null).map((s) => s.apiKey);
  const deleted = a.sightings.filter((s) => s.deletedAt !== null).map((s) => s.apiKey);
  const quota = countKeys({ listed: a.keyList ? [...listedKeys.keys()] : null, special: specialKeysKnown ? liveSpecial : null, stored: [...storedIds], deleted });
  const storedNormal = a.stored.some((s) => !specialIds.has(s.apiKey));
  const flags: KeyFlag[] = [];
  // At 30/30 the account is at the limit, not near it (issue 17).
  if (quota.count >= quota.limit) flags.push('at-limit');
  else if (quota.near) flags.push('near-limit');
  if (!a.isMaster && !storedNormal && (liveSpecial.length > 0 || listedKeys.size > 0)) flags.push('unmonitored-special');
  const bindingMark = bindingFlag(a.rule);
  if (bindingMark) flags.push(bindingMark);
  return {
    email: a.email, isMaster: a.isMaster, mode: a.mode, rule: a.rule, binding: a.binding ?? null, quota,
    keyListReadAt: iso(a.keyList?.readAt), specialKeysKnown,
    canManage: a.stored.some((s) => s.permissions?.enableSpotAndMarginTrading === true && !specialIds.has(s.apiKey)),
    exit: a.exit ? { confirmedAt: a.exit.confirmedAt.toISOString(), cooldownEndsAt: a.exit.cooldownEndsAt.toISOString() } : null,
    flags,
    keys: [...normals, ...others, ...specials],
  };
}

/**
 * docs/domain.md#keys (choice): the terms count as signed from the first special key ever seen under the master, or
 * from the owner's record; the record wins when both exist, since it carries the real date.
 */
export function termsStatus(accounts: InventoryAccount[], recorded: TermsStatus['recorded']): TermsStatus {
  const dates = accounts.flatMap((a) => a.keys.filter((k) => k.kind === 'special').map((k) => k.createdAt ?? k.firstSeenAt)).filter((d): d is string => d !== null);
  const inferredSince = dates.length ? dates.reduce((min, d) => (d < min ? d : min)) : null;
  return { signed: recorded !== null || inferredSince !== null, basis: recorded ? 'recorded' : inferredSince ? 'inferred' : null, inferredSince, recorded };
}

export function summarize(accounts: InventoryAccount[]): KeyInventory['summary'] {
  const keys = accounts.flatMap((a) => a.keys.filter((k) => k.deletedAt === null));
  return {
    keys: accounts.reduce((n, a) => n + a.quota.count, 0),
    special: keys.filter((k) => k.kind === 'special').length,
    flagged: accounts.filter((a) => a.flags.length > 0 || a.keys.some((k) => k.flags.length > 0)).length,
    nearLimit: accounts.filter((a) => a.quota.near).length,
  };
}

/** The flags that apply to one row: its own and its account's. */
export function rowFlags(account: InventoryAccount, key: InventoryKey | null): KeyFlag[] {
  return [...account.flags, ...(key?.flags ?? [])];
}

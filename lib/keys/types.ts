import type { BindingView } from '@/lib/risk/binding-view';
import type { Quota } from './quota';

export type KeyFlag =
  | 'at-limit'
  | 'near-limit'
  | 'special-no-ip'
  | 'withdrawals'
  | 'unsupported-product'
  | 'unmonitored-special'
  | 'idle-special'
  | 'bound'
  | 'bound-exit-unconfirmed';

export type KeyKind = 'normal' | 'special' | 'unclassified';
/** stored here; listed by the exchange now; or only in our history (a deleted special key). */
export type KeySource = 'stored' | 'listed' | 'history';

/** One key as the Keys page shows it; never a secret, only the last 4 characters of the key. */
export interface InventoryKey {
  /** `special:<sighting id>` for special keys (what the key actions take), never the key itself. */
  id: string;
  account: string;
  name: string | null;
  maskedKey: string;
  kind: KeyKind;
  /** HMAC / Ed25519 / RSA, when known. */
  signature: string | null;
  /** Special keys: the isolated pair, or null for cross margin. */
  symbol: string | null;
  /** Normal keys: the enabled restrictions; special keys: `permissionMode`. */
  permissions: string[];
  /** null: unknown; [] : no whitelist. */
  ipList: string[] | null;
  sources: KeySource[];
  createdAt: string | null;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  deletedAt: string | null;
  /** Special keys: days since the last change we know of (creation, or an edit through marginwatch). */
  idleDays: number | null;
  flags: KeyFlag[];
}

export interface InventoryAccount {
  email: string;
  isMaster: boolean;
  mode: string | null;
  rule: string | null;
  /** The account's binding verdict and evidence, the same view the account page and exit wizard show; null for the master. */
  binding: BindingView | null;
  quota: Quota;
  /** When the exchange's list of this account's keys was last read (weight 3000: at most hourly). */
  keyListReadAt: string | null;
  /** Live special keys can be read only with the account's own stored normal key. */
  specialKeysKnown: boolean;
  /** Trading keys marginwatch may use to manage special keys on this account (its stored normal key). */
  canManage: boolean;
  exit: { confirmedAt: string; cooldownEndsAt: string } | null;
  flags: KeyFlag[];
  keys: InventoryKey[];
}

export interface TermsStatus {
  signed: boolean;
  /** How we know: the first special key seen under the master, or the owner's record. */
  basis: 'inferred' | 'recorded' | null;
  inferredSince: string | null;
  recorded: { signedOn: string; note: string; recordedBy: string; recordedAt: string } | null;
}

export interface KeyInventory {
  masterId: string | null;
  masterName: string | null;
  terms: TermsStatus;
  accounts: InventoryAccount[];
  summary: { keys: number; special: number; flagged: number; nearLimit: number };
  generatedAt: string;
}

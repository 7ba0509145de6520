// The JSON contract of /api/connections, shared by the route handlers and the client components. Types only:
// no secret ever has a field here, and nothing in this file reaches the bundle at run time.

export const SIGNER_TYPES = ['HMAC', 'ED25519', 'RSA'] as const;
export type SignerType = (typeof SIGNER_TYPES)[number];

/** What the exchange said about a key when it was last checked (GET /sapi/v1/account/apiRestrictions + margin read). */
export interface KeyPermissions {
  /** null: not recorded (a key stored without a live check, e.g. the demo seed). */
  ipRestrict: boolean | null;
  enableReading: boolean;
  enableMargin: boolean;
  enableSpotAndMarginTrading: boolean;
  enableWithdrawals: boolean;
  enableInternalTransfer: boolean;
  enableFutures: boolean;
  permitsUniversalTransfer: boolean;
  /** `accountType` from GET /sapi/v1/margin/account (MARGIN_1 Classic, MARGIN_2 Pro), null if not reported. */
  accountType: string | null;
  /** When the live check ran; null for a key stored without one. */
  verifiedAt: string | null;
  /** Risk notes for people: withdrawals enabled, no IP whitelist (docs/domain.md#keys). */
  warnings: string[];
}

export interface ConnectionView {
  id: string;
  name: string;
  kind: 'master' | 'sub';
  masterId: string | null;
  accountEmail: string | null;
  baseUrl: string;
  /** Last 4 characters only, e.g. `••••Ab3x`. */
  maskedKey: string;
  signerType: SignerType;
  permissions: KeyPermissions | null;
  createdAt: string;
  updatedAt: string;
  createdBy: { name: string; email: string } | null;
}

export interface ConnectionList {
  connections: ConnectionView[];
  /** What the add form proposes: the local simulator in demo mode, the real Binance otherwise. */
  defaultBaseUrl: string;
}

export interface SubAccountRow {
  email: string;
  subUserId: string | null;
  remark: string;
  isFreeze: boolean;
  /** false: a key is stored for an email the master no longer lists; null: the master was never listed. */
  discovered: boolean | null;
  connection: ConnectionView | null;
}

export interface SubAccountList {
  masterId: string;
  /** When the exchange last listed the master's sub-accounts (a refresh or "read now"); null: never. */
  listedAt: string | null;
  subAccounts: SubAccountRow[];
}

export const connectionsQueryKey = ['connections'] as const;
export const subAccountsQueryKey = (masterId: string) => ['connections', masterId, 'sub-accounts'] as const;

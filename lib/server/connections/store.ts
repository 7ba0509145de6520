import 'server-only';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { ConnectionView, KeyPermissions, SignerType } from '@/lib/contracts/connections';
import { loadKeyring } from '@/lib/server/crypto/keyring';
import { unseal } from '@/lib/server/crypto/seal';
import type { Db } from '@/lib/server/db/client';
import { connections, users } from '@/lib/server/db/schema';
import type { ExchangeCredentials } from '@/lib/server/exchange';
import { mask } from './signer';

export type ConnectionRow = typeof connections.$inferSelect;

// Every column but the secret: what a view, a list or an audit entry may ever be built from.
const publicColumns = {
  id: connections.id,
  name: connections.name,
  kind: connections.kind,
  masterId: connections.masterId,
  accountEmail: connections.accountEmail,
  baseUrl: connections.baseUrl,
  apiKey: connections.apiKey,
  signerType: connections.signerType,
  permissions: connections.permissions,
  createdAt: connections.createdAt,
  updatedAt: connections.updatedAt,
  creatorName: users.name,
  creatorEmail: users.email,
};

function selectPublic(db: Db, where?: SQL) {
  return db
    .select(publicColumns)
    .from(connections)
    .leftJoin(users, eq(users.id, connections.createdBy))
    .where(where)
    .orderBy(asc(connections.kind), asc(connections.accountEmail), asc(connections.createdAt));
}

type PublicRow = Awaited<ReturnType<typeof selectPublic>>[number];

export async function selectViews(db: Db, where?: SQL): Promise<ConnectionView[]> {
  return (await selectPublic(db, where)).map(toView);
}

export async function viewById(db: Db, id: string): Promise<ConnectionView | undefined> {
  return (await selectViews(db, eq(connections.id, id)))[0];
}

function toView(r: PublicRow): ConnectionView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    masterId: r.masterId,
    accountEmail: r.accountEmail,
    baseUrl: r.baseUrl,
    maskedKey: mask(r.apiKey),
    signerType: r.signerType as SignerType,
    permissions: normalizePermissions(r.permissions),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    createdBy: r.creatorEmail ? { name: r.creatorName ?? r.creatorEmail, email: r.creatorEmail } : null,
  };
}

const flag = (raw: Record<string, unknown>, name: string) => raw[name] === true;

/**
 * The stored flags as the UI expects them, whoever wrote the row (a live check here, or a seed that copied
 * fewer fields): a flag not recorded reads false, and "IP restricted" reads unknown rather than false.
 */
export function normalizePermissions(raw: Record<string, unknown> | null): KeyPermissions | null {
  if (!raw) return null;
  return {
    ipRestrict: typeof raw.ipRestrict === 'boolean' ? raw.ipRestrict : null,
    enableReading: flag(raw, 'enableReading'),
    enableMargin: flag(raw, 'enableMargin'),
    enableSpotAndMarginTrading: flag(raw, 'enableSpotAndMarginTrading'),
    enableWithdrawals: flag(raw, 'enableWithdrawals'),
    enableInternalTransfer: flag(raw, 'enableInternalTransfer'),
    enableFutures: flag(raw, 'enableFutures'),
    permitsUniversalTransfer: flag(raw, 'permitsUniversalTransfer'),
    accountType: typeof raw.accountType === 'string' ? raw.accountType : null,
    verifiedAt: typeof raw.verifiedAt === 'string' ? raw.verifiedAt : null,
    warnings: Array.isArray(raw.warnings) ? raw.warnings.filter((w): w is string => typeof w === 'string') : [],
  };
}

/** What an audit entry records about a connection: the public view without who/when (the entry has those). */
export function auditView(v: ConnectionView) {
  const { createdBy: _createdBy, createdAt: _createdAt, ...rest } = v;
  return rest;
}

export async function findRow(db: Db, id: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(connections).where(eq(connections.id, id));
  return row;
}

export async function findByApiKey(db: Db, apiKey: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(connections).where(eq(connections.apiKey, apiKey));
  return row;
}

export async function findSubKey(db: Db, masterId: string, accountEmail: string): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.masterId, masterId), eq(connections.accountEmail, accountEmail)));
  return row;
}

/** The only way out of the sealed column: for the exchange client, never for a response or a log. */
export function credentialsOf(row: ConnectionRow): ExchangeCredentials {
  const secret = unseal(row.sealedSecret, loadKeyring().all);
  const signer = row.signerType === 'HMAC' ? { type: 'HMAC' as const, secret } : { type: row.signerType, privateKeyPem: secret };
  return { apiKey: row.apiKey, keyKind: 'normal', signer };
}

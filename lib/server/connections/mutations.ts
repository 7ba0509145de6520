import 'server-only';
import { eq, inArray, or } from 'drizzle-orm';
import type { ConnectionView } from '@/lib/contracts/connections';
import type { HandlerContext } from '@/lib/server/api/handler';
import { badRequest, conflict, notFound } from '@/lib/server/api/errors';
import { loadKeyring } from '@/lib/server/crypto/keyring';
import { seal } from '@/lib/server/crypto/seal';
import { getDb } from '@/lib/server/db/client';
import { connections } from '@/lib/server/db/schema';
import { discoverSubAccounts, masterRow } from './discover';
import { keyCheckFailed } from './errors';
import type { AddMasterInput, AddSubKeyInput } from './schemas';
import { secretOf, toSigner } from './signer';
import { auditView, findByApiKey, findRow, findSubKey, selectViews, viewById } from './store';
import { verifyKey } from './verify';
import { latestChanged } from '../db/latest-cache';

/** Who is changing things, and where the change is recorded: the route's `ctx.user.id` and `ctx.audit`. */
export interface ChangeContext {
  userId: string | null;
  audit: HandlerContext<unknown, unknown, unknown>['audit'];
}

const target = (id: string) => `connection:${id}`;

async function refuseDuplicateKey(apiKey: string) {
  const existing = await findByApiKey(await getDb(), apiKey);
  if (existing) throw conflict(`This API key is already stored as “${existing.name}”. To change its secret, rotate that connection.`);
}

/** Checks the key live, then seals and stores it. Nothing is written when the check fails. */
export async function addMasterConnection(input: AddMasterInput, ctx: ChangeContext): Promise<ConnectionView> {
  const signer = toSigner(input.signerType, input.secret);
  await refuseDuplicateKey(input.apiKey);
  const check = await verifyKey({ baseUrl: input.baseUrl, apiKey: input.apiKey, signer });
  if (!check.ok) throw keyCheckFailed(check);
  const db = await getDb();
  const stored = await storeVerifiedKey(db, { name: input.name, kind: 'master', baseUrl: input.baseUrl, apiKey: input.apiKey, signerType: input.signerType }, secretOf(signer), check.permissions, ctx);
  // The owner's next step is adding sub-account keys: list the sub-accounts now. The master is stored either way;
  // a listing that fails leaves the panel at "never listed", with its "Read now".
  await discoverSubAccounts(stored.id).catch(() => undefined);
  return stored;
}

/**
 * Stores a sub-account's own normal key (needed for its special keys, isolated, PM Pro and LiquidationLoan
 * reads, docs/domain.md#exchange). The email must be one the master lists; one key per sub-account (rotate to replace it).
 */
export async function addSubAccountKey(masterId: string, input: AddSubKeyInput, ctx: ChangeContext): Promise<ConnectionView> {
  const signer = toSigner(input.signerType, input.secret);
  const master = await masterRow(masterId);
  const db = await getDb();
  if (await findSubKey(db, masterId, input.accountEmail)) {
    throw conflict(`A key is already stored for ${input.accountEmail}. Rotate its secret, or remove it first to store another key.`);
  }
  await refuseDuplicateKey(input.apiKey);
  const subs = await discoverSubAccounts(masterId);
  if (!subs.some((s) => s.email === input.accountEmail)) {
    throw badRequest(`${input.accountEmail} is not a sub-account of “${master.name}” (the master lists ${subs.length}).`);
  }
  const check = await verifyKey({ baseUrl: master.baseUrl, apiKey: input.apiKey, signer });
  if (!check.ok) throw keyCheckFailed(check);
  return storeVerifiedKey(
    db,
    { name: input.name || input.accountEmail, kind: 'sub', masterId, accountEmail: input.accountEmail, baseUrl: master.baseUrl, apiKey: input.apiKey, signerType: input.signerType },
    secretOf(signer),
    check.permissions,
    ctx,
  );
}

/** Seals the secret, stores the key that was just checked live, and audits it (no secret in the entry). */
async function storeVerifiedKey(
  db: Awaited<ReturnType<typeof getDb>>,
  values: Omit<typeof connections.$inferInsert, 'sealedSecret' | 'permissions' | 'createdBy'>,
  secret: string,
  permissions: object,
  ctx: ChangeContext,
): Promise<ConnectionView> {
  const [row] = await db
    .insert(connections)
    .values({ ...values, sealedSecret: seal(secret, loadKeyring().current), permissions: { ...permissions }, createdBy: ctx.userId })
    .returning({ id: connections.id })
    .catch((error: unknown) => {
      // Two simultaneous adds of one key both pass refuseDuplicateKey; the unique index stops the second.
      if (isUniqueViolation(error)) throw conflict('This API key was just stored by another request. Reload to see it.');
      throw error;
    });
  latestChanged();
  const view = (await viewById(db, row!.id))!;
  await ctx.audit('connections.create', target(view.id), { after: auditView(view) });
  return view;
}

/** Replaces the secret of a stored key: the new secret is checked live with the same key first. */
export async function rotateSecret(id: string, newSecret: string, ctx: ChangeContext): Promise<ConnectionView> {
  const db = await getDb();
  const row = await findRow(db, id);
  if (!row) throw notFound('That connection');
  const signer = toSigner(row.signerType, newSecret);
  const before = (await viewById(db, id))!;
  const check = await verifyKey({ baseUrl: row.baseUrl, apiKey: row.apiKey, signer });
  if (!check.ok) throw keyCheckFailed(check);
  await db
    .update(connections)
    .set({ sealedSecret: seal(secretOf(signer), loadKeyring().current), permissions: { ...check.permissions }, updatedAt: new Date() })
    .where(eq(connections.id, id));
  latestChanged();
  const after = (await viewById(db, id))!;
  await ctx.audit('connections.rotate', target(id), {
    before: { permissions: before.permissions, updatedAt: before.updatedAt },
    after: { permissions: after.permissions, updatedAt: after.updatedAt, secret: 'replaced' },
  });
  return after;
}

/** Removes a key; removing a master also removes the sub-account keys stored under it (each audited). */
export async function removeConnection(id: string, ctx: ChangeContext): Promise<{ removed: string[] }> {
  const db = await getDb();
  const views = await selectViews(db, or(eq(connections.id, id), eq(connections.masterId, id)));
  const self = views.find((v) => v.id === id);
  if (!self) throw notFound('That connection');
  const doomed = self.kind === 'master' ? views : [self];
  const ids = doomed.map((v) => v.id);
  await db.delete(connections).where(inArray(connections.id, ids));
  latestChanged();
  for (const v of doomed) await ctx.audit('connections.delete', target(v.id), { before: auditView(v) });
  return { removed: ids };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) => (e as { code?: unknown } | null)?.code;
  return code(error) === '23505' || code((error as { cause?: unknown } | null)?.cause) === '23505';
}

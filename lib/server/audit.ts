import 'server-only';
import { and, count, desc, eq, gte, ilike, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AuditAction } from '@/lib/audit-actions';
import type { Role } from '@/lib/permissions';
import { getDb } from './db/client';
import { auditLog } from './db/schema';

export interface AuditActor {
  id: string | null;
  email: string | null;
  role: Role | null;
}

export interface AuditEntryInput {
  actor: AuditActor;
  /** `resource.verb`, e.g. `auth.signin` or `connections.create` (lib/audit-actions.ts). */
  action: AuditAction;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export async function writeAudit(entry: AuditEntryInput): Promise<void> {
  const db = await getDb();
  await db.insert(auditLog).values({
    actorId: entry.actor.id,
    actorEmail: entry.actor.email,
    role: entry.actor.role,
    action: entry.action,
    target: entry.target ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
}

/** Removes entries older than the retention (AUDIT_RETENTION_DAYS); answers how many went. */
export async function pruneAudit(days: number): Promise<number> {
  const db = await getDb();
  const gone = await db.delete(auditLog).where(lt(auditLog.at, sql`now() - make_interval(days => ${days})`)).returning({ id: auditLog.id });
  return gone.length;
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  /** An account's email (or part of it): the entry's target or the account an exit step names. */
  account?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function listAudit(filters: AuditFilters) {
  const db = await getDb();
  const conditions: SQL[] = [];
  if (filters.actor) conditions.push(ilike(auditLog.actorEmail, `%${escapeLike(filters.actor)}%`));
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.account) {
    const like = `%${escapeLike(filters.account)}%`;
    conditions.push(or(ilike(auditLog.target, like), sql`${auditLog.after}->>'account' ilike ${like}`)!);
  }
  if (filters.from) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to) conditions.push(lte(auditLog.at, filters.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    entries: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    total: totals[0]?.total ?? 0,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

export async function listAuditActions(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

import 'server-only';
import { and, eq } from 'drizzle-orm';
import { cache } from 'react';
import { getDb, type Db } from './db/client';
import type { DeskLabel, DeskLabels } from '@/lib/contracts/labels';
import { accountLabels, subAccountListings } from './db/schema';
import { currentMaster } from './views/latest';

/**
 * Desk labels: the one name an owner gives each sub-account, kept in `account_labels`, the table an alert
 * rule's label scope reads (lib/server/alerts/facts.ts). This module is the only writer and keeps one label
 * per account; should a row set ever hold several, the first by name is the desk label.
 */
export async function deskLabels(db: Db, masterId: string): Promise<Record<string, string>> {
  const rows = await db
    .select({ email: accountLabels.accountEmail, label: accountLabels.label })
    .from(accountLabels)
    .where(eq(accountLabels.masterId, masterId))
    .orderBy(accountLabels.accountEmail, accountLabels.label);
  const labels: Record<string, string> = {};
  for (const r of rows) labels[r.email] ??= r.label;
  return labels;
}

/** Replaces an account's desk label ('' removes it); answers the label before and after, for the audit. */
export async function setDeskLabel(db: Db, masterId: string, email: string, label: string): Promise<{ before: string | null; after: string | null }> {
  return db.transaction(async (tx) => {
    const where = and(eq(accountLabels.masterId, masterId), eq(accountLabels.accountEmail, email));
    const old = await tx.delete(accountLabels).where(where).returning({ label: accountLabels.label });
    if (label) await tx.insert(accountLabels).values({ masterId, accountEmail: email, label });
    return { before: old.map((r) => r.label).sort()[0] ?? null, after: label || null };
  });
}

/** Owner labels over the remarks of the exchange's last sub-account list: every account's name, by email. */
export async function deskLabelView(db: Db, masterId: string): Promise<Record<string, DeskLabel>> {
  const [owned, [listing]] = await Promise.all([
    deskLabels(db, masterId),
    db.select({ subAccounts: subAccountListings.subAccounts }).from(subAccountListings).where(eq(subAccountListings.masterId, masterId)),
  ]);
  const view: Record<string, DeskLabel> = {};
  for (const s of listing?.subAccounts ?? []) if (s.remark.trim()) view[s.email] = { label: s.remark.trim(), source: 'exchange' };
  for (const [email, label] of Object.entries(owned)) view[email] = { label, source: 'owner' };
  return view;
}

/** GET /api/labels, and what every page hands the browser with its first HTML (no names popping in later). */
export async function currentDeskLabels(db: Db): Promise<DeskLabels> {
  const master = await currentMaster(db);
  return { labels: master ? await deskLabelView(db, master.id) : {} };
}

/** For pages: one read per request however many parts ask (the layout, the metadata, the page itself). */
export const pageDeskLabels = cache(async (): Promise<DeskLabels> => currentDeskLabels(await getDb()));

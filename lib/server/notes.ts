import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { AccountNote, NoteInput } from '@/lib/contracts/accounts';
import type { ReviewBaseline } from '@/lib/contracts/review';
import { accountChanged } from './db/account-cache';
import type { Db } from './db/client';
import { accountNotes } from './db/schema';


const toNote = (r: typeof accountNotes.$inferSelect): AccountNote => ({
  id: r.id,
  authorEmail: r.authorEmail,
  body: r.body,
  okUntil: r.okUntil?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  baseline: (r.baseline as ReviewBaseline | null) ?? null,
});

export async function listNotes(db: Db, masterId: string, email: string): Promise<AccountNote[]> {
  const rows = await db
    .select()
    .from(accountNotes)
    .where(and(eq(accountNotes.masterId, masterId), eq(accountNotes.accountEmail, email)))
    .orderBy(desc(accountNotes.createdAt));
  return rows.map(toNote);
}

export async function addNote(
  db: Db,
  target: { masterId: string; email: string },
  author: { id: string; email: string },
  input: NoteInput,
  baseline: ReviewBaseline | null,
): Promise<AccountNote> {
  const [row] = await db
    .insert(accountNotes)
    .values({ masterId: target.masterId, accountEmail: target.email, authorId: author.id, authorEmail: author.email, body: input.body, okUntil: input.okUntil, baseline })
    .returning();
  accountChanged(target.masterId, target.email);
  return toNote(row!);
}

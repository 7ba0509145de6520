import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AccountNote } from '@/lib/contracts/accounts';
import type { Db } from './db/client';
import { accountNotes } from './db/schema';

export const NOTE_MAX_LENGTH = 2000;

/**
 * A review note ("reviewed, OK until …"). `okUntil` is a calendar date or a full ISO time and must lie in
 * the future: a review that expired before it was written says nothing.
 */
export const noteBodySchema = z.object({
  body: z
    .string({ error: 'body is required' })
    .trim()
    .min(1, 'Write the note: it cannot be empty.')
    .max(NOTE_MAX_LENGTH, `A note is at most ${NOTE_MAX_LENGTH} characters.`),
  okUntil: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'okUntil must be an ISO date such as 2030-01-31.' })
    .nullish()
    .transform((v) => (v ? new Date(v.length === 10 ? `${v}T23:59:59.999Z` : v) : null))
    .refine((d) => d === null || d.getTime() > Date.now(), 'okUntil must be in the future.'),
});

export type NoteInput = z.infer<typeof noteBodySchema>;

const toNote = (r: typeof accountNotes.$inferSelect): AccountNote => ({
  id: r.id,
  authorEmail: r.authorEmail,
  body: r.body,
  okUntil: r.okUntil?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
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
): Promise<AccountNote> {
  const [row] = await db
    .insert(accountNotes)
    .values({ masterId: target.masterId, accountEmail: target.email, authorId: author.id, authorEmail: author.email, body: input.body, okUntil: input.okUntil })
    .returning();
  return toNote(row!);
}

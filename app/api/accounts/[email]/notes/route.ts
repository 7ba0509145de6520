import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { baselineOf } from '@/lib/review/review';
import { getDb } from '@/lib/server/db/client';
import { addNote } from '@/lib/server/notes';
import { listAccounts } from '@/lib/server/views/accounts';
import { accountParamsSchema, DEFAULT_SHOCK_A, DEFAULT_SHOCK_B, noteBodySchema } from '@/lib/contracts/accounts';

export const POST = apiRoute({ permission: 'notes.write', params: accountParamsSchema, body: noteBodySchema }, async ({ params, body, user, audit }) => {
  const db = await getDb();
  // The list kept for the shown refresh: the note records the account as the reviewer saw it.
  const list = await listAccounts(db, { shockA: DEFAULT_SHOCK_A, shockB: DEFAULT_SHOCK_B });
  const row = list.rows.find((r) => r.email === params.email);
  if (!row || !list.master || !list.refresh) throw notFound(`Sub-account ${params.email}`);
  const note = await addNote(db, { masterId: list.master.id, email: params.email }, user, body, baselineOf(row, list.refresh.id));
  await audit('notes.create', params.email, { after: { id: note.id, body: note.body, okUntil: note.okUntil } });
  return Response.json(note, { status: 201 });
});

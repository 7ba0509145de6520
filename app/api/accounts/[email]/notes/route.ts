import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { addNote } from '@/lib/server/notes';
import { latestSnapshotOf } from '@/lib/server/views/account-detail';
import { accountParamsSchema, noteBodySchema } from '@/lib/contracts/accounts';

export const POST = apiRoute({ permission: 'notes.write', params: accountParamsSchema, body: noteBodySchema }, async ({ params, body, user, audit }) => {
  const db = await getDb();
  const found = await latestSnapshotOf(db, params.email);
  if (!found) throw notFound(`Sub-account ${params.email}`);
  const note = await addNote(db, { masterId: found.master.id, email: params.email }, user, body);
  await audit('notes.create', params.email, { after: { id: note.id, body: note.body, okUntil: note.okUntil } });
  return Response.json(note, { status: 201 });
});

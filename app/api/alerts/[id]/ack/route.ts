import { z } from 'zod';
import { ackBodySchema } from '@/lib/contracts/alerts';
import { apiRoute } from '@/lib/server/api/handler';
import { conflict } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { acknowledgeAlert } from '@/lib/server/alerts/views';

const params = z.object({ id: z.uuid('an alert id') });

export const POST = apiRoute({ permission: 'alerts.ack', params, body: ackBodySchema }, async ({ params, body, user, audit }) => {
  const row = await acknowledgeAlert(await getDb(), params.id, user.email, body.note);
  if (!row) throw conflict('This alert does not exist or was already acknowledged.');
  await audit('alerts.acknowledge', `alert:${row.id}`, { after: { title: row.title, note: body.note } });
  return { ok: true };
});

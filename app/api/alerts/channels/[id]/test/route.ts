import { z } from 'zod';
import type { ChannelTestResult } from '@/lib/contracts/alerts';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { channelById, sendTest } from '@/lib/server/alerts/channels';

const params = z.object({ id: z.uuid('a channel id') });

export const POST = apiRoute({ permission: 'alerts.write', params }, async ({ params, user, audit }): Promise<ChannelTestResult> => {
  const db = await getDb();
  const row = await channelById(db, params.id);
  if (!row) throw notFound('The channel');
  const result = await sendTest(db, row, user.email);
  await audit('alert_channels.test', `alert-channel:${row.id}`, { after: { ok: result.ok, error: result.ok ? null : result.error } });
  return { ok: result.ok, statusCode: result.statusCode, error: result.ok ? null : result.error };
});

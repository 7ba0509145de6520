import { z } from 'zod';
import { quietHoursBodySchema } from '@/lib/contracts/alerts';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { setQuietHours } from '@/lib/server/alerts/channels';

const params = z.object({ id: z.uuid('a channel id') });

/** Sets or removes a channel's quiet hours (docs/alerts.md#quiet-hours). Alerts already held keep their digest time. */
export const PUT = apiRoute({ permission: 'alerts.write', params, body: quietHoursBodySchema }, async ({ params, body, audit }) => {
  const change = await setQuietHours(await getDb(), params.id, body.quietHours);
  if (!change) throw notFound('The channel');
  await audit('alert_channels.quiet_hours', `alert-channel:${params.id}`, change);
  return { quietHours: body.quietHours };
});

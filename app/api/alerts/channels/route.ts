import { ZodError } from 'zod';
import { channelInputSchema } from '@/lib/contracts/alerts';
import { apiRoute } from '@/lib/server/api/handler';
import { badRequest } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { ChannelInputError, createChannel } from '@/lib/server/alerts/channels';
import { channelsView } from '@/lib/server/alerts/settings-view';

export const GET = apiRoute({ permission: 'alerts.read' }, async () => channelsView(await getDb()));

export const POST = apiRoute({ permission: 'alerts.write', body: channelInputSchema }, async ({ body, user, audit }) => {
  try {
    const row = await createChannel(await getDb(), body, user.email);
    // The audit names the channel, never its URL or secret.
    await audit('alert_channels.create', `alert-channel:${row.id}`, { after: { name: row.name, kind: row.kind, format: row.format, target: row.target } });
    return Response.json({ id: row.id }, { status: 201 });
  } catch (error) {
    if (error instanceof ChannelInputError) throw badRequest(`Invalid body: ${error.message}`);
    if (error instanceof ZodError) throw badRequest('Invalid body');
    throw error;
  }
});

import { randomUUID } from 'node:crypto';
import { alertRuleInputSchema } from '@/lib/contracts/alerts';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { rulesView } from '@/lib/server/alerts/settings-view';
import { saveRuleOr400 } from './save';

export const GET = apiRoute({ permission: 'alerts.read' }, async () => rulesView(await getDb()));

export const POST = apiRoute({ permission: 'alerts.write', body: alertRuleInputSchema }, async ({ body, user, audit }) => {
  const rule = await saveRuleOr400(`rule-${randomUUID().slice(0, 8)}`, body, user.email);
  await audit('alert_rules.create', rule.id, { after: rule });
  return Response.json(rule, { status: 201 });
});

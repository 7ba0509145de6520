import { z } from 'zod';
import { alertRuleInputSchema } from '@/lib/contracts/alerts';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { deleteRule, isDefaultRule, savedRules } from '@/lib/server/alerts/rules-store';
import { saveRuleOr400 } from '../save';

const params = z.object({ id: z.string().regex(/^(default|rule)-[a-z0-9-]{1,40}$/, 'a rule id') });

export const PUT = apiRoute({ permission: 'alerts.write', params, body: alertRuleInputSchema }, async ({ params, body, user, audit }) => {
  const before = (await savedRules(await getDb())).find((r) => r.id === params.id);
  if (!before && !isDefaultRule(params.id)) throw notFound(`Rule ${params.id}`);
  const rule = await saveRuleOr400(params.id, body, user.email);
  await audit('alert_rules.update', rule.id, { before: before ?? 'default', after: rule });
  return rule;
});

/** An own rule is removed; an edited default goes back to how it ships. */
export const DELETE = apiRoute({ permission: 'alerts.write', params }, async ({ params, audit }) => {
  if (!(await deleteRule(await getDb(), params.id))) throw notFound(`Saved rule ${params.id}`);
  await audit('alert_rules.delete', params.id);
  return { ok: true };
});

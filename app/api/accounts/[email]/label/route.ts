import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { setDeskLabel } from '@/lib/server/labels';
import { listAccounts } from '@/lib/server/views/accounts';
import { accountParamsSchema, DEFAULT_SHOCK_A, DEFAULT_SHOCK_B } from '@/lib/contracts/accounts';
import { deskLabelBodySchema } from '@/lib/contracts/labels';

export const PUT = apiRoute({ permission: 'labels.write', params: accountParamsSchema, body: deskLabelBodySchema }, async ({ params, body, audit }) => {
  const db = await getDb();
  // Only an account the shown refresh knows may be labelled: a typo never creates a label for nobody.
  const list = await listAccounts(db, { shockA: DEFAULT_SHOCK_A, shockB: DEFAULT_SHOCK_B });
  const row = list.rows.find((r) => r.email === params.email);
  if (!row || !list.master) throw notFound(`Sub-account ${params.email}`);
  const change = await setDeskLabel(db, list.master.id, row.email, body.label);
  await audit('labels.set', row.email, { before: { label: change.before }, after: { label: change.after } });
  return { label: change.after };
});

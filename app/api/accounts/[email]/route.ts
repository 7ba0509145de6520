import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { accountDetail } from '@/lib/server/views/account-detail';
import { accountParamsSchema, shockQuerySchema } from '@/lib/contracts/accounts';

export const GET = apiRoute({ permission: 'dashboard.read', params: accountParamsSchema, query: shockQuerySchema }, async ({ params, query }) => {
  const detail = await accountDetail(await getDb(), params.email, query);
  if (!detail) throw notFound(`Sub-account ${params.email}`);
  return detail;
});

import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { listAccountsJson } from '@/lib/server/views/accounts';
import { shockQuerySchema } from '@/lib/contracts/accounts';

// The list is serialized once per refresh (1,000 rows are ~600 KB of JSON): sent as the kept bytes.
export const GET = apiRoute({ permission: 'dashboard.read', query: shockQuerySchema }, async ({ query }) => {
  const json = await listAccountsJson(await getDb(), query);
  return new Response(json, { headers: { 'content-type': 'application/json' } });
});

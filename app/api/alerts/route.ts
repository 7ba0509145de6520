import { alertFiltersSchema } from '@/lib/contracts/alerts';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { listAlerts } from '@/lib/server/alerts/views';

export const GET = apiRoute({ permission: 'alerts.read', query: alertFiltersSchema }, async ({ query }) => listAlerts(await getDb(), query));

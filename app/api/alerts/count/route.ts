import type { AlertCount } from '@/lib/contracts/alerts';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { openAlertCount } from '@/lib/server/alerts/views';

export const GET = apiRoute({ permission: 'alerts.read' }, async (): Promise<AlertCount> => ({ open: await openAlertCount(await getDb()) }));

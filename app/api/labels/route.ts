import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { currentDeskLabels } from '@/lib/server/labels';

export const GET = apiRoute({ permission: 'dashboard.read' }, async () => currentDeskLabels(await getDb()));

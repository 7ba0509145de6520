import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { reviewQueue } from '@/lib/server/views/reviews';

export const GET = apiRoute({ permission: 'dashboard.read' }, async () => Response.json(await reviewQueue(await getDb())));

import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { loadInventory } from '@/lib/server/keys/inventory';

export const GET = apiRoute({ permission: 'keys.read' }, async () => loadInventory(await getDb()));

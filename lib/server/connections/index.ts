import 'server-only';
import type { ConnectionList } from '@/lib/contracts/connections';
import { getDb } from '@/lib/server/db/client';
import { defaultBaseUrl } from './base-url';
import { selectViews } from './store';

export { defaultBaseUrl } from './base-url';
export { discoverSubAccounts, listSubAccounts } from './discover';
export { addMasterConnection, addSubAccountKey, removeConnection, rotateSecret, type ChangeContext } from './mutations';
export { addMasterSchema, addSubKeySchema, connectionIdSchema, rotateSchema } from './schemas';
export { credentialsOf, findRow as findConnectionRow } from './store';
export { verifyKey, type KeyCheck } from './verify';

/** Every stored connection, masters first. Keys masked to their last 4 characters; secrets never leave the table. */
export async function listConnections(): Promise<ConnectionList> {
  return { connections: await selectViews(await getDb()), defaultBaseUrl: defaultBaseUrl() };
}

import 'server-only';
import type { RefreshStatus } from '@/lib/contracts/refresh';
import type { Db } from '../db/client';
import { currentMaster, latestRefreshes, toRefreshInfo } from '../views/latest';

export async function refreshStatus(db: Db, masterId?: string): Promise<RefreshStatus> {
  const master = await currentMaster(db, masterId);
  if (!master) return { masterId: null, running: false, newest: null, dataAt: null };
  const { shown, newest } = await latestRefreshes(db, master.id);
  return {
    masterId: master.id,
    running: newest?.status === 'running',
    newest: newest && toRefreshInfo(newest),
    dataAt: shown?.finishedAt?.toISOString() ?? null,
  };
}

import 'server-only';
import type { RefreshStatus } from '@/lib/contracts/refresh';
import type { Db } from '../db/client';
import { currentMaster, latestRefreshes, staleCountOf, toRefreshInfo } from '../views/latest';

export async function refreshStatus(db: Db, masterId?: string): Promise<RefreshStatus> {
  const master = await currentMaster(db, masterId);
  if (!master) return { masterId: null, running: false, newest: null, lastFinished: null, dataAt: null, staleCount: 0 };
  const { shown, newest, lastFinished } = await latestRefreshes(db, master.id);
  return {
    masterId: master.id,
    running: newest?.status === 'running',
    newest: newest && toRefreshInfo(newest),
    lastFinished: lastFinished && toRefreshInfo(lastFinished),
    dataAt: shown?.finishedAt?.toISOString() ?? null,
    staleCount: shown ? await staleCountOf(db, shown.id) : 0,
  };
}

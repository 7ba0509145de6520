import 'server-only';
import type { ExchangeClient } from './client';

// Binance documents limit ≤ 200 (and a default of 1): ask for full pages and stop at the first short one.
const PAGE_LIMIT = 200;
// 1000 pages = 200,000 sub-accounts: far beyond any real master; only stops a server that never ends a list.
const MAX_PAGES = 1000;

export interface ListedSubAccount {
  email: string;
  subUserId: string | null;
  remark: string;
  isFreeze: boolean;
}

/** Every sub-account under a master: GET /sapi/v1/sub-account/list with the master's key, paged to the end. */
export async function listAllSubAccounts(master: ExchangeClient): Promise<ListedSubAccount[]> {
  const found: ListedSubAccount[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { subAccounts } = await master.getSubAccountList(page, PAGE_LIMIT);
    for (const s of subAccounts) {
      found.push({ email: s.email, subUserId: s.subUserId === undefined ? null : String(s.subUserId), remark: s.remark ?? '', isFreeze: s.isFreeze });
    }
    if (subAccounts.length < PAGE_LIMIT) return found;
  }
  throw new Error(`the exchange listed more than ${PAGE_LIMIT * MAX_PAGES} sub-accounts without ending the list`);
}

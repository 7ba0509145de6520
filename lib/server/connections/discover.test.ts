import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, type Scenario } from '@/sim/scenario';
import { subAccountListings } from '@/lib/server/db/schema';
import { discoverSubAccounts, listSubAccounts } from './discover';
import { addMasterConnection, addSubAccountKey } from './mutations';
import { changeContext, type Harness, keyOf, openHarness, simGet } from './test-support';

let h: Harness;
let scenario: Scenario;
let masterId: string;
const EXTRA = 437; // with the demo’s 14: 451 sub-accounts, three pages of 200

beforeAll(async () => {
  const demo = await loadScenario('demo');
  const extra = Array.from({ length: EXTRA }, (_, i) => ({ subUserId: 30000000 + i, email: `bulk-${i}@fundx.example` }));
  scenario = parseScenario({ ...demo, subAccounts: [...demo.subAccounts, ...extra] });
  h = await openHarness(scenario);
  masterId = (await addMasterConnection({ name: 'FundX', baseUrl: h.sim.url, ...keyOf(scenario, 'marginwatch-master-read') }, changeContext)).id;
});
afterAll(() => h.close());

describe('discoverSubAccounts', () => {
  it('a master never listed has no sub-accounts yet and says so (listedAt null), without calling the exchange', async () => {
    // Adding the master listed them: forget that listing, as for a master stored before listings were kept.
    await h.database.db.delete(subAccountListings);
    await fetch(`${h.sim.url}/__sim/reset`, { method: 'POST' });
    expect(await listSubAccounts(masterId)).toEqual({ masterId, listedAt: null, subAccounts: [] });
    expect((await simGet<{ requests: unknown[] }>(h.sim, 'requests')).requests).toEqual([]);
  });

  it('pages GET /sapi/v1/sub-account/list to the end with limit 200', async () => {
    await fetch(`${h.sim.url}/__sim/reset`, { method: 'POST' });
    const found = await discoverSubAccounts(masterId);
    expect(found).toHaveLength(scenario.subAccounts.length);
    expect(new Set(found.map((s) => s.email)).size).toBe(found.length);
    expect(found[0]).toMatchObject({ email: 'desk-alpha@fundx.example', remark: 'BTC/ETH basis desk', isFreeze: false });

    const { requests } = await simGet<{ requests: Array<{ path: string }> }>(h.sim, 'requests');
    expect(requests.filter((r) => r.path === '/sapi/v1/sub-account/list')).toHaveLength(3);
  });

  it('keeps what it listed: listSubAccounts answers it later without calling the exchange', async () => {
    await fetch(`${h.sim.url}/__sim/reset`, { method: 'POST' });
    const list = await listSubAccounts(masterId);
    expect(list.subAccounts).toHaveLength(scenario.subAccounts.length);
    expect(Date.now() - new Date(list.listedAt!).getTime()).toBeLessThan(60_000);
    const { requests } = await simGet<{ requests: Array<{ path: string }> }>(h.sim, 'requests');
    expect(requests).toEqual([]);
  });

  it('marks which sub-accounts have a stored key', async () => {
    await addSubAccountKey(masterId, { accountEmail: 'desk-charlie@fundx.example', ...keyOf(scenario, 'charlie-monitor') }, changeContext);
    const { subAccounts } = await listSubAccounts(masterId);
    expect(subAccounts).toHaveLength(scenario.subAccounts.length);
    const withKey = subAccounts.filter((s) => s.connection);
    expect(withKey.map((s) => s.email)).toEqual(['desk-charlie@fundx.example']);
    expect(withKey[0]!.connection).toMatchObject({ kind: 'sub', maskedKey: expect.stringMatching(/^••••.{4}$/) });
  });
});

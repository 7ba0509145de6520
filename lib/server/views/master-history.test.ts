import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRefresh } from '../refresh/run-refresh';
import { demoRefreshed } from './demo-refresh.test-support';
import { getMasterHistory } from './master-history';
import { getOverview } from './overview';

describe('getMasterHistory on real demo refreshes', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  beforeAll(async () => {
    demo = await demoRefreshed();
    await runRefresh(demo.masterId, 'manual');
  }, 120_000);
  afterAll(async () => demo?.close());

  it('one point per refresh, oldest first, each the figures that refresh stored', async () => {
    const history = (await getMasterHistory(demo.database.db, demo.masterId))!;
    expect(history.shocks).toEqual([-0.2, -0.4, 0.2, 0.4]);
    expect(history.refreshes).toBe(2);
    expect(history.points).toHaveLength(2);
    expect(history.points[0]!.t < history.points[1]!.t).toBe(true);
    const overview = (await getOverview(demo.database.db, demo.masterId))!.data!;
    const last = history.points[1]!;
    expect(last.outstandingLoansUsd).toBe(overview.totals.outstandingLoansUsd);
    expect(Object.values(last.byStatus).reduce((a, b) => a + b, 0)).toBe(overview.accountCount);
    // The owed figures are the stored curve's own at each shock (the Overview's callouts for the falls and rises).
    for (const c of overview.callouts) expect(last.owed[history.shocks.indexOf(c.shock)]).toBeCloseTo(c.owed, 6);
  });

  it('null before a master is stored is not an error: an unknown master id answers null', async () => {
    expect(await getMasterHistory(demo.database.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});


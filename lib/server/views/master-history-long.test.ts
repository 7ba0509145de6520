import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@/lib/testing/databases';
import { MASTER_HISTORY_MAX_POINTS } from '@/lib/contracts/master-history';
import type { Database } from '../db/client';
import { connections, refreshRuns } from '../db/schema';
import { getMasterHistory } from './master-history';

// A long window: 10,000 refreshes over 29 days (one every ~4 minutes, inside the default 30-day retention), each
// with a master risk whose figures say which refresh it is, so a point can be traced back to its refresh.
const N = 10_000;
const DAY = 86_400_000;

for (const { driver, open } of testDatabases()) {
  describe(`master history over a long window (${driver})`, () => {
    let database: Database;
    let masterId: string;
    let times: number[];

    beforeAll(async () => {
      database = await open();
      const [master] = await database.db
        .insert(connections)
        .values({ name: 'long window', kind: 'master', baseUrl: 'http://127.0.0.1:1', apiKey: 'long-window-master', signerType: 'HMAC', sealedSecret: 'not used' })
        .returning({ id: connections.id });
      masterId = master!.id;
      const now = Date.now();
      // Uneven gaps (a refresh every 200-320 s), so buckets hold different numbers of refreshes.
      times = Array.from({ length: N }, (_, i) => now - 29 * DAY + Math.floor((i * 29 * DAY) / N) + (i % 7) * 1_000);
      for (let from = 0; from < N; from += 1_000) {
        await database.db.insert(refreshRuns).values(
          times.slice(from, from + 1_000).map((t, j) => {
            const i = from + j;
            return {
              masterId,
              trigger: 'schedule' as const,
              status: 'ok' as const,
              startedAt: new Date(t - 2_000),
              finishedAt: new Date(t),
              masterRisk: {
                curve: [-0.2, -0.4, 0.2, 0.4].map((shock, k) => ({ shock, owed: i * 10 + k })),
                outstandingLoans: { totalUsd: String(i) },
                counts: { byStatus: { NORMAL: i % 14, NO_DEBT: 14 - (i % 14) } },
              },
            };
          }),
        );
      }
    }, 180_000);
    afterAll(async () => database?.close());

    it(`thins 10,000 refreshes to at most ${MASTER_HISTORY_MAX_POINTS} points, keeping the first and the newest, each point one refresh's own figures`, async () => {
      const history = (await getMasterHistory(database.db, masterId))!;
      expect(history.refreshes).toBe(N);
      const points = history.points;
      expect(points.length).toBeLessThanOrEqual(MASTER_HISTORY_MAX_POINTS);
      // Every bucket holds refreshes at this density, so the budget is used, not left mostly empty.
      expect(points.length).toBeGreaterThan(MASTER_HISTORY_MAX_POINTS - 5);
      expect(points[0]!.t).toBe(new Date(times[0]!).toISOString());
      expect(points.at(-1)!.t).toBe(new Date(times[N - 1]!).toISOString());
      for (let p = 1; p < points.length; p++) expect(points[p - 1]!.t < points[p]!.t).toBe(true);
      // Each point is a whole refresh: its time, its owed figures at each shock, its loans and its status counts.
      const index = new Map(times.map((t, i) => [new Date(t).toISOString(), i]));
      for (const point of points) {
        const i = index.get(point.t);
        expect(i, point.t).toBeDefined();
        expect(point.owed).toEqual([0, 1, 2, 3].map((k) => i! * 10 + k));
        expect(point.outstandingLoansUsd).toBe(String(i));
        expect(point.byStatus).toEqual({ NORMAL: i! % 14, NO_DEBT: 14 - (i! % 14) });
      }
      // Spread over the whole window: no gap between two points is much wider than a bucket.
      const bucket = (times[N - 1]! - times[0]!) / (MASTER_HISTORY_MAX_POINTS - 1);
      for (let p = 1; p < points.length; p++) expect(Date.parse(points[p]!.t) - Date.parse(points[p - 1]!.t)).toBeLessThan(2 * bucket + 10_000);
    });
  });
}

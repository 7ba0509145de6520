import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveAccount } from '@/lib/contracts/live';
import { testDatabases } from '@/lib/testing/databases';
import { setDatabaseForTesting, type Database } from '../db/client';
import { livePoints } from '../db/schema';
import { LiveHistoryWriter } from './history-writer';

/*
 * Two instances stream one master and see the same exchange figures (docs/live.md#instances): between them an
 * account keeps about one live point per interval, not one per instance.
 */
describe.each(testDatabases())('live history written by two instances, on $driver', ({ open }) => {
  let database: Database;
  const masterId = randomUUID();
  const t0 = Date.parse('2026-12-02T03:00:00Z');
  const figures = (at: number, equity: string): LiveAccount => ({
    email: 'a@desk.example', status: 'NORMAL', statusSource: 'computed', computedStatus: 'NORMAL', marginLevel: '1.8', reportedMarginLevel: null, uniMMR: null,
    assetsUsd: '100', liabilitiesUsd: '50', equityUsd: equity, owedAtWorst: 0, updatedAt: at, delayedSince: null,
  });
  const offer = (w: LiveHistoryWriter, a: LiveAccount) => w.listener({ type: 'accounts', accounts: [a] });
  const points = () => database.db.select().from(livePoints).where(eq(livePoints.masterId, masterId));

  beforeAll(async () => {
    database = await open();
    setDatabaseForTesting(database);
  });
  afterAll(() => database?.close());

  it('a point another instance wrote within the interval is not written again; each writer keeps its own later moves', async () => {
    let now = t0;
    const a = new LiveHistoryWriter(masterId, { everyMs: 5_000, now: () => now });
    const b = new LiveHistoryWriter(masterId, { everyMs: 5_000, now: () => now });
    // The same exchange figures reach both.
    offer(a, figures(t0, '50'));
    offer(b, figures(t0, '50'));
    expect(await a.flush()).toBe(1);
    expect(await b.flush()).toBe(0);
    // One second later (exchange time) B sees a move first: A wrote within 5 s of it, so B leaves it.
    now += 6_000;
    offer(b, figures(t0 + 1_000, '51'));
    expect(await b.flush()).toBe(0);
    // Six seconds later: B writes it; A, seeing the same move, finds B's point and leaves it.
    now += 6_000;
    offer(a, figures(t0 + 7_000, '52'));
    offer(b, figures(t0 + 7_000, '52'));
    expect(await b.flush()).toBe(1);
    expect(await a.flush()).toBe(0);
    // A writer's own previous point never holds back its next one, even under 5 s apart in exchange time.
    now += 6_000;
    offer(b, figures(t0 + 10_000, '53'));
    expect(await b.flush()).toBe(1);
    expect((await points()).map((p) => p.equityUsd).sort()).toEqual(['50', '52', '53']);
  });
});

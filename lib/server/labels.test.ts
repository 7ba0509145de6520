import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRefreshed } from '@/lib/server/views/demo-refresh.test-support';
import { and, eq } from 'drizzle-orm';
import { accountLabels } from './db/schema';
import type { Database } from './db/client';
import { deskLabelView, setDeskLabel } from './labels';

process.env.MARGINWATCH_SECRET_KEY = randomBytes(32).toString('base64');

const ALPHA = 'desk-alpha@fundx.example';
const KILO = 'desk-kilo@fundx.example';

describe('desk labels on a real demo refresh', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let database: Database;
  let masterId: string;

  beforeAll(async () => {
    demo = await demoRefreshed();
    ({ database, masterId } = demo);
  });
  afterAll(() => demo?.close());

  it('names every sub-account by the remark the exchange lists, until an owner sets a label', async () => {
    const view = await deskLabelView(database.db, masterId);
    expect(view[ALPHA]).toEqual({ label: 'BTC/ETH basis desk', source: 'exchange' });
    expect(Object.values(view).every((l) => l.source === 'exchange')).toBe(true);

    expect(await setDeskLabel(database.db, masterId, ALPHA, 'Basis (BTC/ETH)')).toEqual({ before: null, after: 'Basis (BTC/ETH)' });
    expect((await deskLabelView(database.db, masterId))[ALPHA]).toEqual({ label: 'Basis (BTC/ETH)', source: 'owner' });
  });

  it('keeps one label per account, and an empty one gives the remark back', async () => {
    await setDeskLabel(database.db, masterId, KILO, 'Treasury');
    expect(await setDeskLabel(database.db, masterId, KILO, 'Treasury buffer')).toEqual({ before: 'Treasury', after: 'Treasury buffer' });
    // One row: the table an alert rule's label scope reads (lib/server/alerts/facts.ts) holds the desk label.
    const rows = await database.db.select().from(accountLabels).where(and(eq(accountLabels.masterId, masterId), eq(accountLabels.accountEmail, KILO)));
    expect(rows.map((r) => r.label)).toEqual(['Treasury buffer']);
    expect(await setDeskLabel(database.db, masterId, KILO, '')).toEqual({ before: 'Treasury buffer', after: null });
    expect((await deskLabelView(database.db, masterId))[KILO]).toEqual({ label: 'treasury buffer', source: 'exchange' });
  });
});

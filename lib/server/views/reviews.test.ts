import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRefreshed } from './demo-refresh.test-support';
import { DEFAULT_SHOCK_A, DEFAULT_SHOCK_B } from '@/lib/contracts/accounts';
import { baselineOf } from '@/lib/review/review';
import type { Database } from '../db/client';
import { addNote } from '../notes';
import { runRefresh } from '../refresh/run-refresh';
import { listAccounts } from './accounts';
import { reviewQueue } from './reviews';

process.env.MARGINWATCH_SECRET_KEY = randomBytes(32).toString('base64');

const CHARLIE = 'desk-charlie@fundx.example';
const author = { id: '00000000-0000-4000-8000-000000000001', email: 'ops@marginwatch.demo' };

describe('reviewQueue on real demo refreshes', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let database: Database;
  let masterId: string;

  beforeAll(async () => {
    demo = await demoRefreshed();
    ({ database, masterId } = demo);
  });
  afterAll(() => demo?.close());

  it('counts every account as due until reviewed, and a fresh review covers it', async () => {
    const before = await reviewQueue(database.db);
    expect(before.total).toBe(14);
    expect(before.due).toBe(14);
    expect(before.reviews[CHARLIE]).toMatchObject({ state: 'never', reasons: ['never reviewed'] });

    const list = await listAccounts(database.db, { shockA: DEFAULT_SHOCK_A, shockB: DEFAULT_SHOCK_B });
    const row = list.rows.find((r) => r.email === CHARLIE)!;
    const okUntil = new Date(Date.now() + 3 * 86_400_000);
    await addNote(database.db, { masterId, email: CHARLIE }, author, { body: 'Reviewed: hedged', okUntil }, baselineOf(row, list.refresh!.id));

    const after = await reviewQueue(database.db);
    expect(after.due).toBe(13);
    expect(after.reviews[CHARLIE]).toMatchObject({ state: 'ok', reviewedBy: author.email, okUntil: okUntil.toISOString(), reasons: [] });
  });

  it('turns due again when a refresh finds the margin level fallen past the review, with the reason', async () => {
    // A 15 % fall in every non-stable price: desk-charlie (long collateral, liquidated by a 32 % fall) loses margin level.
    const shocked = await fetch(`${demo.sim.url}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shock: '-0.15' }) });
    expect(shocked.ok).toBe(true);
    expect((await runRefresh(masterId, 'manual')).status).toBe('ok');
    const charlie = (await reviewQueue(database.db)).reviews[CHARLIE]!;
    expect(charlie.state).toBe('due');
    // desk-charlie's margin level was 1.620 at the review; a 15 % fall takes it into margin call.
    expect(charlie.reasons).toEqual(['status moved from Normal to Margin call', expect.stringMatching(/^margin level fell from 1\.620 to 1\.\d{3}$/)]);
  });
});

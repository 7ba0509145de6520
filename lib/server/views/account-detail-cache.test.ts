import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addNote } from '../notes';
import { runRefresh } from '../refresh/run-refresh';
import { loadAccount } from './account-detail';
import { demoRefreshed, email } from './demo-refresh.test-support';

/** The account page's data kept between writes (lib/server/db/account-cache.ts), on a real refresh of the demo. */
describe('account detail kept between writes', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  beforeAll(async () => {
    demo = await demoRefreshed();
  });
  afterAll(() => demo?.close());
  // The clock stands still, so only a write (never the one-second bound) can make a kept read go.
  afterEach(() => vi.useRealTimers());
  const stillClock = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });

  const alpha = email('desk-alpha');
  const load = async () => (await loadAccount(demo.database.db, alpha))!;

  it('answers a second load from memory, and a note written in between at once', async () => {
    stillClock();
    const first = await load();
    const second = await load();
    expect(second.notes).toBe(first.notes); // the very same rows: nothing was read again

    const author = { id: randomUUID(), email: 'owner@fundx.example' };
    await addNote(demo.database.db, { masterId: demo.masterId, email: alpha }, author, { body: 'reviewed, fine', okUntil: null }, null);
    const after = await load();
    expect(after.notes.map((n) => n.body)).toEqual(['reviewed, fine', ...first.notes.map((n) => n.body)]);
  });

  it('shows a new refresh with its snapshot in the history', async () => {
    stillClock();
    const before = await load();
    await runRefresh(demo.masterId, 'manual');
    const after = await load();
    expect(after.refresh.id).not.toBe(before.refresh.id);
    expect(after.history).toHaveLength(before.history.length + 1);
  });
});

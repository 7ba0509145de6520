import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client';
import { testDatabases } from '@/lib/testing/databases';

type Module = typeof import('./code-attempts');

// docs/security.md, "Second factor": the wrong-code delay is kept in the database, so two app instances (two
// module instances here, each with its own memory, over one database) share it.
describe.each(testDatabases())('wrong-code delays across instances ($driver)', (factory) => {
  let database: Database;
  let first: Module;
  let second: Module;
  const userId = '00000000-0000-4000-8000-0000000000aa';

  beforeAll(async () => {
    database = await factory.open();
    first = await import('./code-attempts');
    vi.resetModules();
    second = await import('./code-attempts');
  });
  afterAll(async () => database?.close());

  it('three wrong codes on one instance make the fourth on the other wait; a right code starts afresh for both', async () => {
    expect(second).not.toBe(first);
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await (await first.countCodeAttempt(database.db, userId)).wrong();
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    const started = performance.now();
    await (await second.countCodeAttempt(database.db, userId)).wrong();
    expect(performance.now() - started).toBeGreaterThanOrEqual(first.CODE_DELAY.baseMs);

    await (await second.countCodeAttempt(database.db, userId)).right();
    const fresh = performance.now();
    await (await first.countCodeAttempt(database.db, userId)).wrong();
    expect(performance.now() - fresh).toBeLessThan(1_000);
  }, 30_000);
});

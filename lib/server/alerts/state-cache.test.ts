import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshPglite } from '@/lib/testing/databases';
import type { Database } from '../db/client';
import { alertStates, alertStateVersions, forcedLiquidationMarks } from '../db/schema';
import { lockAndReadDesk } from './desk-read';
import { loadStates, saveStates } from './state-cache';

const open = (ruleId: string, level: number) => ({ ruleId, email: 'a@x', state: { level, value: level } });

describe('alert states held between refreshes', () => {
  let database: Database;
  const masterId = randomUUID();
  beforeAll(async () => {
    database = await freshPglite();
  });
  afterAll(() => database?.close());
  const levelOf = async (ruleId: string) => (await loadStates(database.db, masterId)).get(ruleId)?.get('a@x')?.level ?? null;

  it('a desk with no token has no states; saved states are read back', async () => {
    expect((await loadStates(database.db, masterId)).size).toBe(0);
    await database.db.transaction((tx) => saveStates(tx as never, masterId, new Map(), [open('r1', 0), open('r2', 1)]));
    expect(await levelOf('r1')).toBe(0);
    expect(await levelOf('r2')).toBe(1);
  });

  it('a rolled-back change is not kept: the stored states are read again', async () => {
    const before = await loadStates(database.db, masterId);
    await expect(database.db.transaction(async (tx) => {
      await saveStates(tx as never, masterId, before, [{ ruleId: 'r1', email: 'a@x', state: null }]);
      throw new Error('the refresh failed after raising');
    })).rejects.toThrow('the refresh failed');
    expect(await levelOf('r1')).toBe(0);
  });

  it('a change another instance stored (a new token) is read, not the states held here', async () => {
    await database.db.update(alertStates).set({ level: 3 }).where(eq(alertStates.ruleId, 'r2'));
    await database.db.update(alertStateVersions).set({ token: randomUUID() }).where(eq(alertStateVersions.masterId, masterId));
    expect(await levelOf('r2')).toBe(3);
  });

  it('a thousand changes are stored in a few statements, cleared ones removed', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ruleId: 'bulk', email: `s${i}@x`, state: { level: i % 3, value: i } }));
    await database.db.transaction((tx) => saveStates(tx as never, masterId, new Map(), many));
    const clear = many.filter((_, i) => i % 2 === 0).map((c) => ({ ...c, state: null }));
    const held = await loadStates(database.db, masterId);
    await database.db.transaction((tx) => saveStates(tx as never, masterId, held, clear));
    const rows = await database.db.select().from(alertStates).where(eq(alertStates.ruleId, 'bulk'));
    expect(rows.length).toBe(500);
    expect((await loadStates(database.db, masterId)).get('bulk')?.size).toBe(500);
  });

  it('forced marks held under the token are not read again until the token changes', async () => {
    const desk = () => database.db.transaction((tx) => lockAndReadDesk(tx as never, masterId, { forcedMarks: true, failing: false }));
    const seenUntil = async () => (await desk()).forcedMarks?.get('m@x')?.seenUntil ?? null;
    const first = await desk();
    await database.db.transaction((tx) => saveStates(tx as never, masterId, new Map(), [], { marks: first.forcedMarks!, changed: [{ email: 'm@x', mark: { seenUntil: 5, seenIds: ['1'] } }] }));
    expect(await seenUntil()).toBe(5);
    // A write that renews no token is not seen: the marks held here are trusted while the token is the stored one.
    await database.db.update(forcedLiquidationMarks).set({ seenUntil: 9 }).where(eq(forcedLiquidationMarks.accountEmail, 'm@x'));
    expect(await seenUntil()).toBe(5);
    await database.db.update(alertStateVersions).set({ token: randomUUID() }).where(eq(alertStateVersions.masterId, masterId));
    expect(await seenUntil()).toBe(9);
  });
});

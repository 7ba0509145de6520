import { describe, expect, it } from 'vitest';
import { createBlockers, type CreateFacts } from './create-blockers';

const NOW = new Date('2026-03-10T12:00:00Z');
const base: CreateFacts = { email: 'desk-a@fundx.example', mode: 'CROSS_CLASSIC', keyCount: 4, tradingKeyStored: true, exit: null };
const exitAt = (hoursAgo: number) => {
  const confirmedAt = new Date(NOW.getTime() - hoursAgo * 3_600_000);
  return { confirmedAt, cooldownEndsAt: new Date(confirmedAt.getTime() + 24 * 3_600_000) };
};

describe('createBlockers', () => {
  it.each<[string, Partial<CreateFacts>, string[]]>([
    ['nothing in the way', {}, []],
    ['no trading key stored', { tradingKeyStored: false }, ['no-trading-key']],
    ['Cross Margin Pro', { mode: 'CROSS_PRO' }, ['unsupported-product']],
    ['exited 3 h ago: inside the 24 h cooldown', { exit: exitAt(3) }, ['exit-cooldown']],
    ['exited 25 h ago: cooldown over', { exit: exitAt(25) }, []],
    ['29 keys: one more fits', { keyCount: 29 }, []],
    ['30 of 30 keys', { keyCount: 30 }, ['key-limit']],
    ['key count unknown: not a blocker by itself', { keyCount: null }, []],
    ['every blocker, in the order the server checks them', { tradingKeyStored: false, mode: 'CROSS_PRO', exit: exitAt(1), keyCount: 30 }, ['no-trading-key', 'unsupported-product', 'exit-cooldown', 'key-limit']],
  ])('%s', (_, patch, expected) => {
    expect(createBlockers({ ...base, ...patch }, NOW).map((b) => b.id)).toEqual(expected);
  });

  it('says when the cooldown ends and how many keys the account holds', () => {
    const [cooldown, limit] = createBlockers({ ...base, exit: exitAt(2), keyCount: 30 }, NOW);
    expect(cooldown!.message).toContain('refuses new special keys until 11 Mar 2026');
    expect(limit!.message).toBe('This account already holds 30 of 30 keys: delete one before creating another.');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandsAvailable, confirmFromReread, cooldownEndsAt, phaseAfterDeletion, refuseCommand, resolveInDoubtDeletion, resolveInDoubtExit, inDoubtConclusiveAt, stageAfterDeletion, type RunState } from './machine';
import type { Command, RunPhase } from './types';

const run = (phase: RunPhase, version = 3, working = false): RunState => ({ phase, version, working });

describe('refuseCommand', () => {
  it.each<[RunState, Command, number, string | null]>([
    [run('deleting'), 'delete_keys', 3, null],
    [run('deleting'), 'cancel', 3, null],
    [run('deleting'), 'exit', 3, 'wrong_phase'],
    [run('keys_deleted'), 'exit', 3, null],
    [run('keys_deleted'), 'delete_keys', 3, 'wrong_phase'],
    [run('keys_deleted'), 'exit', 2, 'stale'],
    [run('exiting'), 'exit', 3, 'wrong_phase'],
    [run('deleting', 3, true), 'delete_keys', 3, 'busy'],
    [run('done'), 'exit', 3, 'finished'],
    [run('done'), 'cancel', 1, 'finished'],
    [run('cancelled'), 'delete_keys', 3, 'finished'],
  ])('%o %s seen v%i → %s', (state, command, seen, code) => {
    expect(refuseCommand(state, command, seen)?.code ?? null).toBe(code);
  });

  it('a finished run refuses every command at every version (a stale tab cannot act)', () => {
    fc.assert(
      fc.property(fc.constantFrom<RunPhase>('done', 'cancelled'), fc.constantFrom<Command>('delete_keys', 'exit', 'cancel'), fc.nat(), fc.nat(), fc.boolean(), (phase, command, version, seen, working) => {
        expect(refuseCommand({ phase, version, working }, command, seen)?.code).toBe('finished');
      }),
    );
  });

  it('any version other than the current one is refused as stale', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (version, seen) => {
        fc.pre(version !== seen);
        expect(refuseCommand(run('keys_deleted', version), 'exit', seen)?.code).toBe('stale');
      }),
    );
  });

  it('lists what a person may do now', () => {
    expect(commandsAvailable(run('deleting'))).toEqual(['delete_keys', 'cancel']);
    expect(commandsAvailable(run('keys_deleted'))).toEqual(['exit', 'cancel']);
    expect(commandsAvailable(run('exiting'))).toEqual([]);
    expect(commandsAvailable(run('keys_deleted', 3, true))).toEqual([]);
  });
});

describe('step 1 ends only when every list is empty', () => {
  it.each([
    [['keys_deleted', 'keys_deleted'], 'keys_deleted'],
    [['keys_deleted', 'deleting'], 'deleting'],
    [['selected'], 'deleting'],
    [[], 'deleting'],
  ] as const)('%o → %s', (stages, phase) => {
    expect(phaseAfterDeletion([...stages])).toBe(phase);
  });

  it.each([
    [['deleted', 'deleted'], 0, 'keys_deleted'],
    [[], 0, 'keys_deleted'],
    [['deleted', 'failed'], 1, 'deleting'],
    [['deleted'], 1, 'deleting'], // a key appeared since the list was taken
    [['pending'], 0, 'deleting'],
  ] as const)('keys %o, %i listed now → %s', (keys, listed, stage) => {
    expect(stageAfterDeletion([...keys], listed)).toBe(stage);
  });
});

describe('in-doubt resolution never re-sends blindly', () => {
  it('a deletion in doubt is settled by the key list', () => {
    expect(resolveInDoubtDeletion('k1', new Set(['k2']))).toBe('deleted');
    expect(resolveInDoubtDeletion('k1', new Set(['k1', 'k2']))).toBe('pending');
    // Still listed proves nothing until a DELETE sent at 10:00:00.000 can no longer be accepted (recvWindow 5 s + 1 s).
    expect(inDoubtConclusiveAt(Date.parse('2026-12-01T10:00:00.000Z'), 5000)).toBe(Date.parse('2026-12-01T10:00:06.000Z'));
  });

  it('an exit in doubt is accepted as sent only when the re-read shows no key and no liability', () => {
    expect(resolveInDoubtExit({ specialKeys: [], liabilities: [] })).toEqual({ stage: 'exit_sent' });
    const refused = resolveInDoubtExit({ specialKeys: ['k'], liabilities: ['500 ETH borrowed + interest'] });
    expect(refused).toMatchObject({ stage: 'failed' });
    expect(refused.stage === 'failed' && refused.reason).toMatch(/not re-sent.*1 special key.*500 ETH/);
  });

  it('an exit is confirmed only by an empty re-read, whatever the exchange answered', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }), fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }), (keys, debts) => {
        const result = confirmFromReread({ specialKeys: keys, liabilities: debts });
        expect(result.stage === 'confirmed').toBe(keys.length === 0 && debts.length === 0);
      }),
    );
  });
});

it('the cooldown ends 24 h after the confirmation', () => {
  expect(cooldownEndsAt(new Date('2025-03-01T10:00:00Z')).toISOString()).toBe('2025-03-02T10:00:00.000Z');
});

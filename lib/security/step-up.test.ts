import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '@/lib/permissions';
import { needsStepUp, normalizeCode, STEP_UP_MAX_AGE_MS, stepUpFresh } from './step-up';

describe('step-up', () => {
  it('guards every owner-only write on the exchange or the connections, never a read', () => {
    const guarded = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => needsStepUp(p, 'POST')).sort();
    expect(guarded).toEqual(['connections.write', 'exit.run', 'keys.write', 'terms.write']);
    for (const p of guarded) expect(needsStepUp(p, 'GET')).toBe(false);
    expect(needsStepUp('notes.write', 'POST')).toBe(false);
  });

  it('a proof counts for five minutes', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(stepUpFresh(null, now)).toBe(false);
    expect(stepUpFresh(new Date(now.getTime() - STEP_UP_MAX_AGE_MS + 1000), now)).toBe(true);
    expect(stepUpFresh(new Date(now.getTime() - STEP_UP_MAX_AGE_MS), now)).toBe(false);
  });

  it('reads six digits, with spaces between groups', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    expect(normalizeCode('12345')).toBeNull();
    expect(normalizeCode('12345a')).toBeNull();
  });
});

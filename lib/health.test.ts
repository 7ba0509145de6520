import { describe, expect, it } from 'vitest';
import { readiness, type ReadinessFacts } from './health';

const now = Date.parse('2026-12-01T12:00:00Z');
const ago = (s: number) => new Date(now - s * 1000);
const facts = (patch: Partial<ReadinessFacts>): ReadinessFacts => ({
  database: { ok: true },
  migrations: { applied: 5, shipped: 5 },
  masters: [{ id: 'm1', name: 'FundX', lastSuccessAt: ago(30) }],
  draining: false,
  now,
  intervalSeconds: 60,
  maxIntervals: 3,
  ...patch,
});
const failing = (f: ReadinessFacts) => readiness(f).checks.filter((c) => !c.ok).map((c) => c.name);

describe('readiness', () => {
  it('is ready when every check holds', () => {
    expect(readiness(facts({}))).toMatchObject({ ready: true });
    expect(readiness(facts({ masters: [] })).ready).toBe(true);
  });

  it.each([
    ['database down', facts({ database: { ok: false, reason: 'ECONNREFUSED' }, migrations: null }), ['database']],
    ['a migration not applied', facts({ migrations: { applied: 4, shipped: 5 } }), ['migrations']],
    ['no migration table', facts({ migrations: { applied: null, shipped: 5 } }), ['migrations']],
    ['shutting down', facts({ draining: true }), ['process']],
    ['never refreshed', facts({ masters: [{ id: 'm1', name: 'FundX', lastSuccessAt: null }] }), ['refresh']],
    ['last success older than 3 intervals', facts({ masters: [{ id: 'm1', name: 'FundX', lastSuccessAt: ago(181) }] }), ['refresh']],
  ])('is not ready: %s', (_name, f, checks) => {
    expect(readiness(f).ready).toBe(false);
    expect(failing(f)).toEqual(checks);
  });

  it('accepts a success exactly at the limit', () => {
    expect(readiness(facts({ masters: [{ id: 'm1', name: 'FundX', lastSuccessAt: ago(180) }] })).ready).toBe(true);
  });
});

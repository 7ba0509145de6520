import { describe, expect, it } from 'vitest';
import { HEARTBEAT_STALE_MS, judgeRun, type Instance } from './liveness';

const self: Instance = { host: 'desk-a', pid: 4242, token: 'aaaa1111' };
const now = Date.parse('2026-12-01T12:00:00Z');
const beat = (msAgo: number) => new Date(now - msAgo);
const alivePids = new Set([4242, 777]);
const alive = (pid: number) => alivePids.has(pid);

describe('judgeRun', () => {
  it.each([
    ['this process', 'desk-a:4242:aaaa1111', 60_000, true],
    ['a dead pid on this host, heartbeat fresh', 'desk-a:999:bbbb2222', 1_000, false],
    ['our pid reused from an earlier life', 'desk-a:4242:cccc3333', 1_000, false],
    ['a live pid on this host, heartbeat old', 'desk-a:777:dddd4444', 10 * 60_000, true],
    ['another host, fresh heartbeat', 'desk-b:999:eeee5555', 5_000, true],
    ['another host, heartbeat stale', 'desk-b:999:eeee5555', HEARTBEAT_STALE_MS + 1_000, false],
    ['no instance recorded, fresh heartbeat', null, 5_000, true],
    ['no instance recorded, stale heartbeat', null, HEARTBEAT_STALE_MS + 1_000, false],
  ])('%s', (_name, instance, msAgo, expected) => {
    const verdict = judgeRun({ instance, heartbeatAt: beat(msAgo) }, self, now, alive);
    expect(verdict.alive).toBe(expected);
    expect(verdict.reason.length).toBeGreaterThan(0);
  });
});

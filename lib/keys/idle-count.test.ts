import { describe, expect, it } from 'vitest';
import { idleSpecialKeyCount } from './idle-count';

const now = new Date('2026-12-01T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('idleSpecialKeyCount', () => {
  it.each([
    { why: 'created 100 days ago, never changed', created: daysAgo(100), changed: null, idle: 1 },
    { why: 'created 100 days ago, IP list changed 10 days ago', created: daysAgo(100), changed: daysAgo(10), idle: 0 },
    { why: 'created 90 days ago: not past the 90-day horizon yet', created: daysAgo(90), changed: null, idle: 0 },
    { why: 'no creation in the list: from the first sighting (100 days)', created: null, changed: null, idle: 1 },
  ])('$why → $idle', ({ created, changed, idle }) => {
    const live = [{ apiKey: 'k1', firstSeenAt: daysAgo(100), changedAt: changed }];
    expect(idleSpecialKeyCount(live, [{ apiKey: 'k1', createdAt: created?.toISOString() ?? null }], now)).toBe(idle);
  });
});

import { describe, expect, it } from 'vitest';
import type { LiveAccount } from '@/lib/contracts/live';
import { HistoryCoalescer } from './history';

const figures = (over: Partial<LiveAccount>): LiveAccount => ({
  email: 'a@desk.example', status: 'NORMAL', statusSource: 'computed', computedStatus: 'NORMAL', marginLevel: '1.8', reportedMarginLevel: null, uniMMR: null,
  assetsUsd: '100', liabilitiesUsd: '50', equityUsd: '50', owedAtWorst: 0, updatedAt: 1_000, delayedSince: null, ...over,
});

describe('HistoryCoalescer', () => {
  it("writes an account's level as the refresh history charts it: the margin level, or uniMMR for PM Pro", () => {
    const c = new HistoryCoalescer(5_000);
    c.offer(figures({}));
    c.offer(figures({ email: 'pm@desk.example', marginLevel: null, uniMMR: '1.10941799' }));
    expect(c.due(10_000).map((p) => [p.email, p.marginLevel])).toEqual([['a@desk.example', '1.8'], ['pm@desk.example', '1.10941799']]);
    // A new uniMMR alone is a move worth a point.
    c.offer(figures({ email: 'pm@desk.example', marginLevel: null, uniMMR: '1.2', updatedAt: 2_000 }));
    expect(c.due(20_000).map((p) => p.marginLevel)).toEqual(['1.2']);
  });
});

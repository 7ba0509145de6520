import type { OweCallout } from '@/lib/contracts/overview';

export type WorstMove = { worst: OweCallout; other: OweCallout | null };

/**
 * For each called-out size of move (20 %, 40 %), the worse of the fall and the rise by what would be owed
 * (a tie goes to the fall), with the other direction beside it. Smaller moves first.
 */
export function worstMoves(callouts: readonly OweCallout[]): WorstMove[] {
  const bySize = new Map<number, OweCallout[]>();
  for (const c of callouts) {
    const size = Math.round(Math.abs(c.shock) * 1000);
    bySize.set(size, [...(bySize.get(size) ?? []), c]);
  }
  return [...bySize.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, both]) => {
      const [worst, other] = [...both].sort((a, b) => b.owed - a.owed || a.shock - b.shock);
      return { worst: worst!, other: other ?? null };
    });
}

import { describe, expect, it } from 'vitest';
import type { OweCallout } from './contracts/overview';
import { worstMoves } from './worst-move';

const at = (shock: number, owed: number): OweCallout => ({ shock, owed, unknownBinding: 0, collateralLost: 0, top: [] });

describe('worstMoves', () => {
  it.each([
    { name: 'a fall worse than the rise', input: [at(-0.2, 100), at(0.2, 50)], worst: [-0.2] },
    { name: 'a rise worse than the fall (a short book)', input: [at(-0.2, 0), at(0.2, 336_000)], worst: [0.2] },
    { name: 'each size judged on its own', input: [at(-0.2, 10), at(-0.4, 10), at(0.2, 20), at(0.4, 5)], worst: [0.2, -0.4] },
    { name: 'a tie goes to the fall', input: [at(0.2, 7), at(-0.2, 7)], worst: [-0.2] },
    { name: 'one direction only', input: [at(0.4, 1)], worst: [0.4] },
    { name: 'nothing called out', input: [], worst: [] },
  ])('$name', ({ input, worst }) => {
    expect(worstMoves(input).map((m) => m.worst.shock)).toEqual(worst);
    expect(worstMoves(input).map((m) => m.other?.shock ?? null)).toEqual(worst.map((w) => (input.some((c) => c.shock === -w) ? -w : null)));
  });
});

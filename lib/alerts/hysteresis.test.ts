import { describe, expect, it } from 'vitest';
import { step, type ActiveState, type Trigger } from './hysteresis';

// Distance to liquidation (%): fires under 10, escalates per further 5, re-arms at 12 or more.
const distance: Trigger = { worse: 'lower', inclusive: false, threshold: 10, rearmMargin: 2, step: 5 };
// Keys: fires at 27 or more, escalates at 30, re-arms at 26 or fewer.
const keys: Trigger = { worse: 'higher', inclusive: true, threshold: 27, rearmMargin: 1, step: 3 };

/** Runs a series of values from an armed rule and lists what was said at each. */
function run(t: Trigger, values: (number | null)[]): string[] {
  let state: ActiveState = null;
  return values.map((v) => {
    const r = step(t, state, v);
    state = r.state;
    return r.transition ? `${r.transition.kind}${r.transition.level}` : '-';
  });
}

describe('hysteresis', () => {
  it.each([
    { name: 'fires once on becoming true, silent while it holds', t: distance, values: [15, 9, 8, 9.5, 7], said: ['-', 'fire0', '-', '-', '-'] },
    { name: 'exactly at the threshold is not under it', t: distance, values: [10, 9.99], said: ['-', 'fire0'] },
    { name: 'does not re-arm inside the margin', t: distance, values: [9, 11, 9, 11.9, 9], said: ['fire0', '-', '-', '-', '-'] },
    { name: 're-arms once cleared by the margin, then fires again', t: distance, values: [9, 12, 9], said: ['fire0', 'clear0', 'fire0'] },
    { name: 'escalates once per further step', t: distance, values: [9, 5, 4, 0, 0], said: ['fire0', 'escalate1', '-', 'escalate2', '-'] },
    { name: 'a first reading already two steps past fires at that level', t: distance, values: [0], said: ['fire2'] },
    { name: 'improving inside the alert does not re-escalate on the way back down', t: distance, values: [4, 8, 4], said: ['fire1', '-', '-'] },
    { name: 'unknown changes nothing (never clears)', t: distance, values: [9, null, null, 9, 12], said: ['fire0', '-', '-', '-', 'clear0'] },
    { name: 'inclusive threshold counts the threshold itself', t: keys, values: [26, 27, 28, 30, 27, 26, 27], said: ['-', 'fire0', '-', 'escalate1', '-', 'clear1', 'fire0'] },
  ])('$name', ({ t, values, said }) => {
    expect(run(t, values)).toEqual(said);
  });

  it('with no escalation step stays at level 0 however bad it gets', () => {
    expect(run({ ...distance, step: null }, [9, 1, 0])).toEqual(['fire0', '-', '-']);
  });

  it('float rounding just under a step boundary still reaches the step', () => {
    // 10 − 0.1 × 50 computed in floats is 4.999999999999999…: still the first escalation.
    expect(run(distance, [9, 10 - 0.1 * 50])).toEqual(['fire0', 'escalate1']);
  });
});

import type { ScenarioTime } from './scenario';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Resolves a scenario time ("-2h" or epoch ms) against the simulator's current time. */
export function resolveTime(t: ScenarioTime, nowMs: number): number {
  if (typeof t === 'number') return t;
  const m = /^(-?\d+)(ms|s|m|h|d)$/.exec(t);
  if (!m) throw new Error(`bad time ${t}`);
  return nowMs + Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** The exchange clock: real time plus an offset tests can shift (POST /__sim/clock) to provoke -1021. */
export class Clock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
}

/**
 * When a rule speaks (issue 16, "no spam"): it fires when its condition becomes true, stays silent while
 * the condition holds, escalates once per further step the condition worsens, and re-arms only after the
 * condition has cleared by the rule's margin. Pure: the caller keeps the state between refreshes.
 */
export type Trigger = {
  /** Which way a measure gets worse: `higher` (a loan, a key count) or `lower` (a distance, a level). */
  worse: 'higher' | 'lower';
  /** true: the threshold itself counts as true ("at least 27 keys"); false: strictly past it ("under 10 %"). */
  inclusive: boolean;
  threshold: number;
  /** How far back past the threshold the measure must come before the rule can fire again. */
  rearmMargin: number;
  /** Each further step past the threshold escalates once; null: never escalates. */
  step: number | null;
};

/** An open alert of one rule for one subject: the escalation level it reached. null: armed (no alert open). */
export type ActiveState = { level: number; value: number } | null;

export type Transition = { kind: 'fire' | 'escalate' | 'clear'; level: number };

export type StepResult = { state: ActiveState; transition: Transition | null };

// Levels are counted from float measures (percentages, estimates): a value a hair under a step boundary
// because of binary rounding still counts as reaching it.
const EPSILON = 1e-9;

/** How far past the threshold, in the measure's units: positive is worse. */
export function pastThreshold(t: Trigger, value: number): number {
  return t.worse === 'higher' ? value - t.threshold : t.threshold - value;
}

export function isTrue(t: Trigger, value: number): boolean {
  const past = pastThreshold(t, value);
  return t.inclusive ? past >= -EPSILON : past > EPSILON;
}

function levelOf(t: Trigger, past: number): number {
  if (t.step === null || !(t.step > 0) || past <= 0) return 0;
  return Math.floor(past / t.step + EPSILON);
}

/** One evaluation. `value` null (not measurable this time: no data) changes nothing: unknown never clears. */
export function step(t: Trigger, state: ActiveState, value: number | null): StepResult {
  if (value === null || Number.isNaN(value)) return { state, transition: null };
  const past = pastThreshold(t, value);
  if (isTrue(t, value)) {
    const level = levelOf(t, past);
    if (state === null) return { state: { level, value }, transition: { kind: 'fire', level } };
    if (level > state.level) return { state: { level, value }, transition: { kind: 'escalate', level } };
    return { state: { level: state.level, value }, transition: null };
  }
  if (state !== null && -past >= t.rearmMargin - EPSILON) return { state: null, transition: { kind: 'clear', level: state.level } };
  return { state, transition: null };
}

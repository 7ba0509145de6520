/**
 * Replays a price series: each step sets some symbols' prices (as `/__sim/prices` does) and the next step
 * follows after `intervalMs`. One path at a time; a new one replaces the old. Stops by itself at the end.
 */
export class PricePath {
  private timer?: NodeJS.Timeout;
  private steps: Array<Record<string, string>> = [];
  private index = 0;

  constructor(private readonly apply: (prices: Record<string, string>) => void) {}

  start(steps: Array<Record<string, string>>, intervalMs: number): void {
    this.stop();
    this.steps = steps;
    this.index = 0;
    const tick = () => {
      const step = this.steps[this.index++];
      if (!step) return this.stop();
      this.apply(step);
      this.timer = this.index < this.steps.length ? setTimeout(tick, intervalMs) : undefined;
    };
    tick();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  get progress(): { running: boolean; step: number; steps: number } {
    return { running: this.timer !== undefined, step: this.index, steps: this.steps.length };
  }
}

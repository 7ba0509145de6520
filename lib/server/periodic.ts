import 'server-only';

/**
 * A task run every `everyMs` once started, until stopped: a second start changes nothing, and the timer never
 * keeps the process alive (its owner stops it on shutdown). The live history writer and the alerts on live
 * figures flush this way. The run handles its own failures (each owner logs them).
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  /** The run the timer started, until it settles. */
  private running: Promise<void> | null = null;

  constructor(private readonly run: () => unknown) {}

  start(everyMs: number): void {
    this.timer ??= setInterval(() => this.tick(), everyMs);
    this.timer.unref();
  }

  /**
   * No more runs; answers once a run already going is over, so the owner may then close what it uses (on
   * shutdown the database closes next: a check still running would fail against it).
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    const settled = Promise.resolve(this.run()).then(
      () => undefined,
      () => undefined,
    );
    this.running = settled;
    void settled.then(() => {
      if (this.running === settled) this.running = null;
    });
  }
}

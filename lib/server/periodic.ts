import 'server-only';

/**
 * A task run every `everyMs` once started, until stopped: a second start changes nothing, and the timer never
 * keeps the process alive (its owner stops it on shutdown). The live history writer and the alerts on live
 * figures flush this way.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly run: () => unknown) {}

  start(everyMs: number): void {
    this.timer ??= setInterval(() => void this.run(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

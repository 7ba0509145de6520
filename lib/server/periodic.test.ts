import { describe, expect, it, vi } from 'vitest';
import { PeriodicTask } from './periodic';

describe('PeriodicTask', () => {
  it('stop() answers only once a run already going is over', async () => {
    let finish = () => {};
    // Like the owners' flush: one run at a time, a tick during it joins it.
    let pending: Promise<void> | null = null;
    const task = new PeriodicTask(() => (pending ??= new Promise<void>((resolve) => (finish = resolve))));
    task.start(5);
    await vi.waitFor(() => expect(pending).not.toBeNull());
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    // Every pending microtask has run by the next macrotask: a stop that did not wait would be done by now.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('stop() with no run going answers at once', async () => {
    const task = new PeriodicTask(() => undefined);
    task.start(60_000);
    await expect(task.stop()).resolves.toBeUndefined();
  });
});

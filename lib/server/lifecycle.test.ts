import { afterEach, describe, expect, it } from 'vitest';
import { beginDrain, isDraining, pendingWork, resetLifecycleForTesting, settleWork, track } from './lifecycle';

afterEach(() => resetLifecycleForTesting());

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('lifecycle', () => {
  it('drains: waits for tracked work, including work started while draining', async () => {
    const first = deferred();
    const second = deferred();
    track(first.promise.then(() => void track(second.promise)));
    beginDrain();
    expect(isDraining()).toBe(true);
    let finished = false;
    const settled = settleWork(5_000).then((all) => ((finished = true), all));
    first.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toBe(false);
    expect(pendingWork()).toBe(1);
    second.resolve();
    expect(await settled).toBe(true);
    expect(pendingWork()).toBe(0);
  });

  it('gives up after the timeout and reports the work still running', async () => {
    track(new Promise(() => {}));
    expect(await settleWork(20)).toBe(false);
    expect(pendingWork()).toBe(1);
  });

  it('forgets failed work too', async () => {
    await track(Promise.reject(new Error('boom'))).catch(() => {});
    expect(await settleWork(1_000)).toBe(true);
  });
});

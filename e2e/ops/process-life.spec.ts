import { expect, test } from '@playwright/test';
import { launch, newDataDir, refreshRuns, requestsServed, slowExchange } from './launcher';

// The launcher is what a process manager runs (docs/production.md, Process life): its exit code decides
// whether restart-on-failure fires. Each test starts its own instances beside the suite's web server.
test.describe.configure({ timeout: 240_000 });

test('SIGTERM drains the running refresh, closes everything and exits 0', async () => {
  const dir = newDataDir();
  const app = await launch(dir);
  await app.waitFor(/Demo exchange \(simulator\) on/);
  await slowExchange(app.simUrl, 1_500);
  await app.waitFor(/"context":"refresh","msg":"scheduler started"/);
  await requestsServed(app.simUrl, 2);

  app.proc.kill('SIGTERM');
  const { code } = await app.exited;
  expect(code, app.output()).toBe(0);
  expect(app.output()).toMatch(/"context":"shutdown",.*"msg":"SIGTERM: draining/);
  expect(app.output()).toMatch(/"context":"shutdown",.*"msg":"drained and closed in \d+ ms"/);
  expect(app.output()).not.toMatch(/ERR_SERVER_NOT_RUNNING|Unhandled|uncaught/i);

  // The run ended at a recorded boundary and says why; none is left "running".
  const runs = await refreshRuns(dir);
  expect(runs.map((r) => r.status)).not.toContain('running');
  expect(runs.at(-1)!.errors.map((e) => e.step)).toContain('interrupted');
});

test('a crash exits non-zero; the next start closes the refresh it left running and refreshes at once', async () => {
  const dir = newDataDir();
  const first = await launch(dir);
  await first.waitFor(/Demo exchange \(simulator\) on/);
  await slowExchange(first.simUrl, 1_500);
  const [, pid] = await first.waitFor(/"context":"launcher","pid":(\d+),"msg":"server process started"/);
  await first.waitFor(/"context":"refresh","msg":"scheduler started"/);
  await requestsServed(first.simUrl, 2);

  process.kill(Number(pid), 'SIGKILL');
  const { code } = await first.exited;
  expect(code, first.output()).toBe(1);
  const left = await refreshRuns(dir);
  expect(left.map((r) => r.status)).toEqual(['running']);

  const second = await launch(dir, first.ports);
  const [, closedId] = await second.waitFor(/"context":"refresh",.*"msg":"run (\S+) was left running \(its process \d+ on this host is gone\): closed as interrupted"/, 60_000);
  expect(closedId).toBe(left[0]!.id);
  await second.waitFor(/"context":"refresh",.*"status":"ok","accounts":14,.*"msg":"refresh ok"/, 60_000);
  second.proc.kill('SIGTERM');
  expect((await second.exited).code, second.output()).toBe(0);

  const runs = await refreshRuns(dir);
  expect(runs.map((r) => [r.trigger, r.status])).toEqual([['start', 'failed'], ['start', 'ok']]);
  expect(runs[0]!.errors.at(-1)).toMatchObject({ step: 'interrupted' });
});

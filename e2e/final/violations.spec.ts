import { expect, test } from '@playwright/test';

// Runs after every other browser test (its own project): whatever the suite did, no special key ever
// signed a /sapi request (docs/domain.md#keys, the key guard), as the simulator's own record shows.
test('the simulator recorded no key-guard violation during the whole suite', async ({ request }) => {
  const res = await request.get(`http://127.0.0.1:${process.env.E2E_SIM_PORT}/__sim/violations`);
  expect(res.ok()).toBe(true);
  const { violations } = (await res.json()) as { violations: unknown[] };
  expect(violations).toEqual([]);
  // The suite did talk to the exchange: an empty log from an idle simulator would prove nothing.
  const log = await request.get(`http://127.0.0.1:${process.env.E2E_SIM_PORT}/__sim/requests`).then((r) => r.json());
  expect((log as { requests: unknown[] }).requests.length).toBeGreaterThan(50);
});

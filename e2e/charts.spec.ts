import { expect, test } from '@playwright/test';
import { ownPage, screenshot, storageState, openPage } from './support';

type Detail = { curve: { shock: number; deficit: number }[]; shocks: { liquidation: { shock: number } | null; bankruptcy: { shock: number } | null } };

test.use({ storageState: storageState('ops'), viewport: { width: 1440, height: 900 } });

test('account charts say something or say why not: uniMMR history for PM Pro, a sentence when nothing is at risk, what lies beyond ±60 % named', async ({ page }) => {
  test.setTimeout(90_000);
  // Which demo accounts show each case, read from the app's own answers rather than assumed.
  const { rows } = (await (await page.request.get('/api/accounts')).json()) as { rows: { email: string }[] };
  const details = await Promise.all(rows.map(async (r) => ({ email: r.email, d: (await (await page.request.get(`/api/accounts/${encodeURIComponent(r.email)}`)).json()) as Detail })));
  const calm = details.find(({ d }) => d.curve.every((p) => p.deficit === 0));
  // The case: liquidated at −60 % and bankrupt at −64 %, past the curve's ±60 % (desk-alpha in the demo).
  const past = details.find(({ d }) => d.curve.every((p) => p.deficit === 0) && d.shocks.bankruptcy && Math.abs(d.shocks.bankruptcy.shock) > 0.6);
  expect(calm, 'a demo account with no deficit at any shock').toBeDefined();
  expect(past, 'a demo account bankrupt beyond the curve').toBeDefined();

  await openPage(page, `/accounts/${encodeURIComponent(calm!.email)}`);
  await expect(page.getByTestId('stress-nothing')).toContainText('No deficit at any uniform price shock from −60 % to +60 %.');
  await expect(page.getByRole('figure', { name: /Stress curve/ })).toHaveCount(0);
  await screenshot(page, 'chart-stress-nothing', false);

  await openPage(page, `/accounts/${encodeURIComponent(past!.email)}`);
  await expect(page.getByTestId('stress-nothing')).toContainText(/B: bankruptcy \(equity 0\) at −6\d\.\d %\. A move past −6\d(\.\d)? % would leave a deficit: it lies beyond the curve/);
  await screenshot(page, 'chart-stress-beyond', false);

  // desk-echo is Portfolio Margin Pro: its history is uniMMR against the PM Pro tiers, never "no debt". A line
  // needs two refreshes: start one (a refresh already running answers 409 and serves as well) and wait for it.
  const echo = `/api/accounts/${encodeURIComponent('desk-echo@fundx.example')}`;
  expect([202, 409]).toContain((await page.request.post('/api/refresh', { headers: ownPage, data: {} })).status());
  await expect
    .poll(async () => ((await (await page.request.get(echo)).json()) as { history: { uniMMR: string | null }[] }).history.filter((h) => h.uniMMR !== null).length, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(2);
  await openPage(page, `/accounts/${encodeURIComponent('desk-echo@fundx.example')}`);
  const history = page.getByRole('figure', { name: 'uniMMR history' });
  // A drawn segment between refreshes (the demo's uniMMR holds steady, so the line is flat: check its path).
  await expect(history.locator('path.recharts-line-curve')).toHaveAttribute('d', /^M[\d.,-]+L[\d.,-]+/);
  await expect(history).toContainText('Liquidation 1.05');
  await screenshot(page, 'chart-unimmr-history');
});

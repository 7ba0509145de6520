import { expect, test } from '@playwright/test';
import type { MasterHistory } from '@/lib/contracts/master-history';
import { openPage, ownPage, screenshot, storageState } from './support';

test.use({ storageState: storageState('ops'), viewport: { width: 1440, height: 900 } });

test('the Overview charts the master over the retention window: projected loan at its shocks, outstanding loans, accounts by status', async ({ page }) => {
  test.setTimeout(120_000);
  // A line needs two refreshes: start one (a refresh already running answers 409 and serves as well) and wait for it.
  expect([202, 409]).toContain((await page.request.post('/api/refresh', { headers: ownPage, data: {} })).status());
  let history: MasterHistory | null = null;
  await expect
    .poll(async () => {
      history = (await (await page.request.get('/api/overview/history')).json()) as MasterHistory | null;
      return history?.points.length ?? 0;
    }, { timeout: 90_000 })
    .toBeGreaterThanOrEqual(2);
  const h = history!;
  expect(h.shocks).toEqual([-0.2, -0.4, 0.2, 0.4]);
  expect(h.retentionDays).toBe(30);
  const last = h.points.at(-1)!;
  // The stored figures of the newest refresh are the Overview's own: the same loans total and account count.
  const overview = (await (await page.request.get('/api/overview')).json()) as { data: { accountCount: number; totals: { outstandingLoansUsd: string } } };
  expect(Object.values(last.byStatus).reduce((a, b) => a + b, 0)).toBe(overview.data.accountCount);
  expect(last.outstandingLoansUsd).toBe(overview.data.totals.outstandingLoansUsd);
  expect(last.owed.every((v) => v !== null && v >= 0)).toBe(true);

  await openPage(page, '/');
  const card = page.getByTestId('master-history');
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card.getByTestId('master-history-summary')).toContainText(/\d+ refreshes from .* \(kept 30 days\)\. Projected loan at −20 %: .* → .*\. Outstanding loans: .* USD → .* USD\./);
  // Three charts, each drawn (a path between points), each with its legend in words.
  await expect(card.locator('figure')).toHaveCount(3);
  await expect(card.locator('path.recharts-line-curve')).toHaveCount(5);
  await expect(card.locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M[\d.,-]+L[\d.,-]+/);
  await expect(card.locator('.recharts-area-area').first()).toBeVisible();
  await expect(card).toContainText('at +40 %');
  await expect(card).toContainText('Normal');
  await card.scrollIntoViewIfNeeded();
  for (const width of [390, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, `master-history-${width}`, false);
  }
});

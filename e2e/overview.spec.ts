import { expect, test, type Page } from '@playwright/test';
import { fullPageScreenshot, storageState } from './support';

/** `npm start` refreshes the demo master on start; until that first refresh lands the page says so. */
async function openOverviewWithData(page: Page) {
  await page.goto('/');
  await expect(async () => {
    if (!(await page.getByTestId('owe-20').isVisible())) await page.reload();
    await expect(page.getByTestId('owe-20')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}


async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    return { main: main.scrollWidth - main.clientWidth, doc: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
  expect(overflow).toEqual({ main: 0, doc: 0 });
}

for (const role of ['owner', 'ops'] as const) {
  test.describe(`${role} overview`, () => {
    test.use({ storageState: storageState(role), viewport: { width: 1280, height: 900 } });

    test('shows totals, what could be owed at −20 % and −40 %, the deficit curve and the nearest accounts', async ({ page }) => {
      test.setTimeout(120_000);
      await openOverviewWithData(page);
      await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Master totals' })).toContainText('USD');
      await expect(page.getByTestId('data-time')).toContainText('data as of');

      for (const pct of [20, 40]) {
        const callout = page.getByTestId(`owe-${pct}`);
        await expect(callout).toContainText(`At −${pct} %, you would owe`);
        await expect(callout).toContainText(/\d{1,3}(,\d{3})* USD/);
      }
      await expect(page.getByTestId('owe-40')).toContainText('projected LiquidationLoan');

      const chart = page.getByRole('img', { name: /Deficit curve/ });
      await expect(chart.locator('.recharts-area').first()).toBeVisible();
      await expect(chart.locator('.recharts-reference-line')).toHaveCount(3);
      await expect(chart.getByText('−40 %').first()).toBeVisible();
      await chart.locator('.recharts-surface').hover({ position: { x: 160, y: 160 } });
      await expect(page.getByText(/Projected loan:/)).toBeVisible();
      await chart.screenshot({ path: `test-results/screenshots/overview-curve-tooltip-${role}.png` });

      await expect(page.getByTestId('nearest-row').first()).toBeVisible();
      await expect(page.getByRole('meter').first()).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await fullPageScreenshot(page, `overview-${role}`);
    });
  });
}

test.describe('overview in dark mode', () => {
  test.use({ storageState: storageState('owner'), colorScheme: 'dark', viewport: { width: 1280, height: 900 } });

  test('renders the same cards on a dark background', async ({ page }) => {
    test.setTimeout(120_000);
    await openOverviewWithData(page);
    await expect(page.getByRole('img', { name: /Deficit curve/ }).locator('.recharts-area').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await fullPageScreenshot(page, 'overview-owner-dark');
  });
});

import { expect, test, type Page } from '@playwright/test';
import { fullPageScreenshot, storageState, openPage } from './support';

/** `npm start` refreshes the demo master on start; until that first refresh lands the page says so. */
async function openOverviewWithData(page: Page) {
  await openPage(page, '/');
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
      // Rises too: desk-juliet is a bound short book that a +16.6 % rise liquidates.
      await expect(page.getByTestId('owe-up-40')).toContainText('At +40 %, you would owe');
      await expect(page.getByTestId('owe-up-40')).toContainText('desk-juliet@fundx.example');
      const headline = page.getByTestId('owe-headline');
      await expect(headline).toContainText(/At −20 % you would owe [\d,]+ USD — mostly PM Pro macro book \(desk-echo@fundx\.example\) \(worse than a \+20 % rise/);
      await expect(headline).toContainText(/\+40 % rise: [\d,]+ USD — mostly short book \(desk-juliet@fundx\.example\)/);
      // Who owes the outstanding loans, each opening its account: named by desk label (here the exchange's
      // remark for the sub-account), then email.
      const owing = page.getByRole('list', { name: 'Who owes' });
      await expect(owing.getByRole('link')).toHaveText([/^liquidated in March: LiquidationLoan outstanding\s*desk-delta@fundx\.example$/, /^PM Pro, bankruptcy loan outstanding\s*desk-foxtrot@fundx\.example$/]);
      await expect(owing).toContainText('LiquidationLoan 150,000 USDC');

      const chart = page.getByRole('img', { name: /Deficit curve/ });
      await expect(chart.locator('.recharts-area').first()).toBeVisible();
      // today and the four called-out shocks (±20 %, ±40 %)
      await expect(chart.locator('.recharts-reference-line')).toHaveCount(5);
      await expect(chart.getByText('−40 %').first()).toBeVisible();
      await chart.locator('.recharts-surface').hover({ position: { x: 160, y: 160 } });
      await expect(page.getByText(/Projected loan:/)).toBeVisible();
      await chart.screenshot({ path: `test-results/screenshots/overview-curve-tooltip-${role}.png` });

      await expect(page.getByTestId('nearest-row').first()).toBeVisible();
      await expect(page.getByRole('meter').first()).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await fullPageScreenshot(page, `overview-${role}`);

      // Every account named on the page leads to its detail.
      await page.getByTestId('nearest-row').first().getByRole('link', { name: 'desk-echo@fundx.example' }).click();
      await expect(page).toHaveURL(/\/accounts\/desk-echo%40fundx\.example$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('PM Pro macro book');
      await page.goBack();
      await page.getByRole('region', { name: 'Master totals' }).getByRole('link', { name: 'Assets' }).waitFor();
      // A status count opens the accounts in that status: as many rows as the count says.
      const marginCalls = page.getByLabel('Accounts per status').locator('div').filter({ hasText: 'Margin call' });
      const count = Number(await marginCalls.locator('dd').textContent());
      expect(count).toBeGreaterThan(0);
      await marginCalls.getByRole('link').click();
      await expect(page).toHaveURL(/\/accounts\?status=MARGIN_CALL$/);
      await expect(page.getByTestId('account-row')).toHaveCount(count);
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

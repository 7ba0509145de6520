import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { demoCredential, fullPageScreenshot, storageState, openPage } from './support';

const rows = (page: Page) => page.getByTestId('account-row');

/** `npm start` refreshes the demo master on start; until the first refresh lands the page says so. */
async function openAccountsWithData(page: Page) {
  await openPage(page, '/accounts');
  await expect(async () => {
    if (!(await rows(page).first().isVisible())) await page.reload();
    await expect(rows(page).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}


/** Every shown row matches, the count line agrees, and `example` is among them. */
async function expectOnly(page: Page, text: RegExp, example: string) {
  await expect(rows(page).filter({ hasText: example })).toHaveCount(1);
  const n = await rows(page).count();
  expect(n).toBeLessThan(14);
  await expect(rows(page).filter({ hasText: text })).toHaveCount(n);
  await expect(page.getByTestId('accounts-count')).toContainText(`${n} of 14`);
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const scroller = document.querySelector('[data-testid="accounts-scroll"]');
    return {
      main: main.scrollWidth - main.clientWidth,
      doc: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      table: scroller ? scroller.scrollWidth - scroller.clientWidth : 0,
    };
  });
  expect(overflow).toEqual({ main: 0, doc: 0, table: 0 });
}

for (const role of ['owner', 'ops'] as const) {
  test.describe(`${role} accounts`, () => {
    test.use({ storageState: storageState(role), viewport: { width: 1280, height: 900 } });

    test('sorts, filters, searches, exports what is shown and opens a detail page', async ({ page }) => {
      test.setTimeout(120_000);
      await openAccountsWithData(page);
      await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
      await expect(rows(page)).toHaveCount(14);
      await expect(page.getByTestId('accounts-count')).toContainText('14 sub-accounts');
      await expect(rows(page).filter({ hasText: 'desk-bravo' })).toContainText('keys deleted, no exit');
      await expect(rows(page).filter({ hasText: 'desk-lima' })).toContainText('no key stored');
      // desk-golf's cross wallet has no debt, but its BTCUSDT pair is near its bar: the row says so.
      await expect(rows(page).filter({ hasText: 'desk-golf' }).getByTestId('isolated-line').first()).toContainText('BTCUSDT');
      await expectNoHorizontalOverflow(page);
      await fullPageScreenshot(page, `accounts-${role}`);

      // Sort: the largest projected loan at −40 % first (desk-echo, PM Pro), then the reverse.
      const owed40 = page.getByRole('button', { name: /Owed at −40 %/ });
      await owed40.click();
      await expect(page.getByRole('columnheader', { name: /Owed at −40 %/ })).toHaveAttribute('aria-sort', 'descending');
      await expect(rows(page).first()).toContainText('desk-echo');
      await expect(rows(page).nth(1)).toContainText('desk-bravo');
      await owed40.click();
      await expect(rows(page).last()).toContainText('desk-echo');

      // Filters: binding, status, stale, mode; then search.
      // Other specs share this server (one adds a key for a no-key account), so count what matches.
      await page.getByLabel('Binding').selectOption('unknown');
      await expectOnly(page, /Unknown/, 'desk-lima');
      await page.getByLabel('Binding').selectOption('');
      await page.getByLabel('Status').selectOption('MARGIN_CALL');
      await expectOnly(page, /Margin call/, 'desk-bravo');
      // desk-echo: uniMMR 1.227 is above our 1.20 tier, but Binance's accountStatus says MARGIN_CALL, and that decides.
      await expect(rows(page).filter({ hasText: 'desk-echo' })).toHaveCount(1);
      await page.getByLabel('Mode').selectOption('PM_PRO');
      await expect(rows(page)).toHaveCount(1);
      await page.getByLabel('Mode').selectOption('CROSS_PRO');
      await expect(rows(page)).toHaveCount(0);
      await expect(page.getByText('No account matches these filters')).toBeVisible();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByRole('combobox', { name: /^Data/ }).selectOption('fresh');
      await expect(rows(page)).toHaveCount(14);
      await page.getByLabel('Search').fill('bravo');
      await expect(rows(page)).toHaveCount(1);

      // CSV: exactly the one row shown, with its header.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
      expect(csv).toHaveLength(2);
      expect(csv[0]).toContain('Owed at −20 % (USD)');
      expect(csv[1]).toContain('desk-bravo@fundx.example');

      await page.getByRole('link', { name: 'desk-bravo@fundx.example' }).click();
      await expect(page).toHaveURL(/\/accounts\/desk-bravo(%40|@)fundx\.example$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('SOL momentum (special keys deleted, not exited)');
      await expect(page.getByTestId('rule-reason')).not.toBeEmpty();
      await expect(page.getByText('deleting the keys alone is not enough')).toBeVisible();
      await expect(page.getByRole('cell', { name: /bravo-hft-01/ })).toBeVisible();
      await expect(page.getByRole('figure', { name: /Stress curve/ }).locator('.recharts-line').first()).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await fullPageScreenshot(page, `account-bravo-${role}`);
    });
  });
}

test.describe('account details', () => {
  test.use({ storageState: storageState('ops'), viewport: { width: 1280, height: 900 } });

  test('ops saves a review note and it is shown with author and time; bad input is refused', async ({ page }) => {
    test.setTimeout(120_000);
    await openAccountsWithData(page);
    await openPage(page, `/accounts/${encodeURIComponent('desk-juliet@fundx.example')}`);
    const form = page.getByRole('form', { name: 'Add a review note' });
    await form.getByLabel('Note').fill('Reviewed with the desk: short is hedged, OK until month end.');
    await form.getByLabel('OK until (optional)').fill('2001-01-01');
    await form.getByRole('button', { name: 'Save note' }).click();
    await expect(form.getByRole('alert')).toContainText('okUntil must be in the future');

    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('OK until (optional)').fill(until);
    await form.getByRole('button', { name: 'Save note' }).click();
    const note = page.getByTestId('notes').getByRole('listitem').first();
    await expect(note).toContainText('short is hedged');
    await expect(note).toContainText(demoCredential('ops').email);
    await expect(note).toContainText('OK until');
    await fullPageScreenshot(page, 'account-juliet-note-ops');

    await page.emulateMedia({ colorScheme: 'dark' });
    await openPage(page, `/accounts/${encodeURIComponent('desk-echo@fundx.example')}`);
    await expect(page.getByText('Portfolio Margin Pro').first()).toBeVisible();
    await fullPageScreenshot(page, 'account-echo-dark');
    await openPage(page, '/accounts');
    await expect(rows(page)).toHaveCount(14);
    await fullPageScreenshot(page, 'accounts-dark');
  });

  test('an unknown account is a 404', async ({ page }) => {
    // Existence is decided before the page streams, so the status line itself says 404.
    const response = await page.goto('/accounts/nobody%40fundx.example');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect((await page.request.get('/accounts/desk-bravo%40fundx.example')).status()).toBe(200);
  });

  test('the detail page follows the shocks chosen on the list', async ({ page }) => {
    await openAccountsWithData(page);
    await page.getByLabel('Shock A').selectOption('-0.3');
    await expect(page.getByRole('columnheader', { name: /Owed at −30 %/ })).toBeVisible();
    await expect(page).toHaveURL(/shockA=-0\.3/);
    await page.getByRole('link', { name: 'desk-bravo@fundx.example' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('SOL momentum (special keys deleted, not exited)');
    await expect(page.getByText('Owed at −30 %')).toBeVisible();
    await expect(page.getByText('Owed at −40 %')).toBeVisible();
    await page.getByRole('link', { name: '← All accounts' }).click();
    await expect(page.getByLabel('Shock A')).toHaveValue('-0.3');
  });
});

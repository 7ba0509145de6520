import { expect, test, type Locator, type Page } from '@playwright/test';
import { openPage, storageState } from './support';

/** Tab from the top of the page until `target` has the focus: proof it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, max = 300) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reached in ${max} Tab presses`);
}

test.describe('keyboard only', () => {
  test.use({ storageState: storageState('owner'), viewport: { width: 1280, height: 900 } });

  test('create-key dialog: Tab to the button, Enter opens, focus stays inside, Escape closes and focus returns', async ({ page }) => {
    test.setTimeout(120_000);
    await openPage(page, '/keys');
    const button = page.locator('[data-testid="key-account"][data-account="desk-alpha@fundx.example"]').getByRole('button', { name: 'Create special key' });
    await expect(async () => {
      if (!(await button.isVisible())) await page.reload();
      await expect(button).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 90_000 });
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Create a special key on/ });
    await expect(dialog.getByLabel('Key name')).toBeFocused();
    // The focus is trapped: a full round of Tab presses never leaves the dialog.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  });

  test('Accounts: Tab to an account and Enter opens its page; Audit export is reachable', async ({ page }) => {
    test.setTimeout(120_000);
    await openPage(page, '/accounts');
    const link = page.getByTestId('account-row').first().getByRole('link').first();
    await expect(async () => {
      if (!(await link.isVisible())) await page.reload();
      await expect(link).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 90_000 });
    const href = await link.getAttribute('href');
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    // The account page renders on the server: allow it the time a loaded machine needs.
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 60_000 }).toBe(href!.split('?')[0]);

    await openPage(page, '/audit');
    await tabTo(page, page.getByRole('link', { name: 'Export CSV' }));
  });
});

test.describe('keyboard only on a phone', () => {
  test.use({ storageState: storageState('ops'), viewport: { width: 390, height: 844 } });

  test('the menu: Tab to it, Space opens the drawer, Escape closes it and focus returns', async ({ page }) => {
    await openPage(page, '/');
    const menu = page.getByRole('button', { name: 'Open menu' });
    await tabTo(page, menu);
    await page.keyboard.press('Space');
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByRole('link', { name: 'Keys' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
    await expect(menu).toBeFocused();
  });
});

import { expect, test, type Page } from '@playwright/test';
import { openPage, screenshot, storageState } from './support';

test.use({ storageState: storageState('ops'), colorScheme: 'dark', viewport: { width: 1280, height: 900 } });

/** The body's background lightness, 0 (black) to 255 (white), whatever colour syntax the CSS uses (lab, oklch, rgb). */
const lightness = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return Math.round((r! + g! + b!) / 3);
  });
const isDark = async (page: Page) => (await lightness(page)) < 60;

test('theme: system follows the browser, a choice is applied at once, remembered, and rendered by the server (no flash)', async ({ page }) => {
  await openPage(page, '/keys');
  // No choice yet: the system's (here dark) preference.
  expect(await isDark(page)).toBe(true);
  const themes = page.getByTestId('theme-switch');
  await expect(themes.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'true');

  await themes.getByRole('button', { name: 'Light' }).click();
  await expect.poll(() => isDark(page)).toBe(false);
  await expect(themes.getByRole('button', { name: 'Light' })).toHaveAttribute('aria-pressed', 'true');

  // The server renders the remembered choice into the HTML itself, before any script runs.
  const response = await page.goto('/accounts');
  expect(await response!.text()).toMatch(/<html[^>]*data-theme="light"/);
  expect(await isDark(page)).toBe(false);

  await openPage(page, '/accounts');
  await page.getByTestId('theme-switch').getByRole('button', { name: 'Dark' }).click();
  await expect.poll(() => isDark(page)).toBe(true);
  await screenshot(page, 'theme-dark-accounts', false);
});

import { expect, test } from '@playwright/test';
import { openPage, screenshot, storageState } from './support';

test.use({ storageState: storageState('ops'), colorScheme: 'dark', viewport: { width: 1280, height: 900 } });

const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT = 'rgb(248, 250, 252)'; // slate-50
const DARK = /^(rgb\(2, 6, 23\)|oklch\(0\.129 0\.042 264\.695\))$/; // slate-950

test('theme: system follows the browser, a choice is applied at once, remembered, and rendered by the server (no flash)', async ({ page }) => {
  await openPage(page, '/keys');
  // No choice yet: the system's (here dark) preference.
  expect(await background(page)).toMatch(DARK);
  const themes = page.getByTestId('theme-switch');
  await expect(themes.getByRole('button', { name: 'System' })).toHaveAttribute('aria-pressed', 'true');

  await themes.getByRole('button', { name: 'Light' }).click();
  await expect.poll(() => background(page)).toBe(LIGHT);
  await expect(themes.getByRole('button', { name: 'Light' })).toHaveAttribute('aria-pressed', 'true');

  // The server renders the remembered choice into the HTML itself, before any script runs.
  const response = await page.goto('/accounts');
  expect(await response!.text()).toMatch(/<html[^>]*data-theme="light"/);
  expect(await background(page)).toBe(LIGHT);

  await openPage(page, '/accounts');
  await page.getByTestId('theme-switch').getByRole('button', { name: 'Dark' }).click();
  await expect.poll(() => background(page)).toMatch(DARK);
  await screenshot(page, 'theme-dark-accounts', false);
});

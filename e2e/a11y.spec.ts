import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPage, storageState } from './support';

// Every page a signed-in user can open (the account page on the demo's PM Pro account, the richest one).
const PAGES = ['/', '/accounts', '/accounts/desk-echo@fundx.example', '/keys', '/exit', '/scenarios', '/alerts', '/audit', '/settings', '/settings/connections', '/settings/alerts', '/settings/security'];

/** Serious and critical WCAG 2.1 A/AA violations on the page as it stands, one line each. */
async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

/** Judge the page with its data, not its loading skeleton (components/ui/states.tsx). */
async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[role="status"][aria-label="Loading"], [data-skeleton]')).toHaveCount(0, { timeout: 60_000 });
}

test('the sign-in page has no serious or critical accessibility violation', async ({ page }) => {
  await openPage(page, '/login');
  expect(await violations(page, '/login')).toEqual([]);
});

// The suite asks for reduced motion (playwright.config.ts): the pulse is decoration, and a perpetual animation made
// software-rendered Chromium answer every key press and script run several times slower. Readers who did not ask
// for it still see the live dot pulse.
test.describe('motion', () => {
  test.use({ storageState: storageState('owner'), viewport: { width: 1280, height: 900 } });

  test('the live dot pulses unless the reader asked for reduced motion', async ({ page }) => {
    const animations = () => page.getByTestId('live-indicator').locator('span[aria-hidden]').evaluate((dot) => dot.getAnimations().length);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openPage(page, '/');
    await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
    await expect.poll(animations).toBe(1);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(animations).toBe(0);
  });
});

for (const role of ['owner', 'ops'] as const) {
  test.describe(`${role} accessibility`, () => {
    test.use({ storageState: storageState(role), viewport: { width: 1280, height: 900 } });

    test('every page: no serious or critical axe violation', async ({ page }) => {
      test.setTimeout(240_000);
      const found: string[] = [];
      for (const path of PAGES) {
        await openPage(page, path);
        await settled(page);
        found.push(...(await violations(page, path)));
      }
      expect(found).toEqual([]);
    });
  });
}

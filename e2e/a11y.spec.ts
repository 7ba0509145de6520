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

/** Judge the page with its data, not its loading skeleton (components/ui/states.tsx; the live dot also pulses). */
async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[role="status"][aria-label="Loading"], .animate-pulse.rounded-md')).toHaveCount(0, { timeout: 60_000 });
}

test('the sign-in page has no serious or critical accessibility violation', async ({ page }) => {
  await openPage(page, '/login');
  expect(await violations(page, '/login')).toEqual([]);
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

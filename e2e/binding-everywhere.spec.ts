import { expect, test, type Page } from '@playwright/test';
import { fullPageScreenshot, storageState, openPage } from './support';

// One binding verdict, told in the same words on every page (issue 13, docs/domain.md#binding). desk-golf's only
// special key is for an isolated pair: the contested choice, which must read identically everywhere.
const ACCOUNT = 'desk-golf@fundx.example';
const verdict = (page: Page) => page.locator(`[data-testid="binding-verdict"][data-account="${ACCOUNT}"]`);

async function sentences(page: Page): Promise<{ reason: string; evidence: string[] }> {
  const v = verdict(page);
  await expect(v.getByTestId('rule-reason')).toBeVisible({ timeout: 60_000 });
  return { reason: (await v.getByTestId('rule-reason').innerText()).trim(), evidence: (await v.getByTestId('binding-evidence').locator('li').allInnerTexts()).map((t) => t.trim()) };
}

test.use({ storageState: storageState('owner'), viewport: { width: 1440, height: 900 } });

test('desk-golf: the account page, the Keys page and the exit wizard show the same verdict and evidence', async ({ page }) => {
  test.setTimeout(120_000);
  await openPage(page, `/accounts/${encodeURIComponent(ACCOUNT)}`);
  const account = await sentences(page);
  expect(account.reason).toMatch(/^Bound \(treated as bound\): .*isolated/);
  expect(account.evidence.length).toBeGreaterThan(1);
  expect(account.evidence.some((e) => /isolated/i.test(e))).toBe(true);

  await openPage(page, '/keys');
  expect(await sentences(page)).toEqual(account);
  await verdict(page).scrollIntoViewIfNeeded();
  await fullPageScreenshot(page, 'binding-keys-1440');

  await openPage(page, '/exit');
  expect(await sentences(page)).toEqual(account);
  await fullPageScreenshot(page, 'binding-exit-1440');
});

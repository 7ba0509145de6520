import { expect, test, type Page } from '@playwright/test';
import { openPage, screenshot, storageState } from './support';

const group = (page: Page, name: string) => page.locator(`[data-testid="key-account"][data-account="${name}@fundx.example"]`);

/** `npm start` refreshes on start; until the first refresh lands the accounts have no keys to show. */
async function openKeysWithData(page: Page) {
  await openPage(page, '/keys');
  await expect(async () => {
    if (!(await group(page, 'desk-hotel').getByTestId('binding-evidence').isVisible())) await page.reload();
    await expect(group(page, 'desk-hotel').getByTestId('binding-evidence')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}

async function openCreate(page: Page, name: string) {
  const button = group(page, name).getByRole('button', { name: 'Create special key' });
  await button.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return { button, dialog };
}

/** The dialog shows the very evidence lines the account's Keys group shows (one verdict, docs/domain.md#binding). */
async function expectSameVerdict(page: Page, name: string) {
  const dialog = page.getByRole('dialog');
  const onPage = await group(page, name).getByTestId('binding-evidence').locator('li').allInnerTexts();
  expect(onPage.length).toBeGreaterThan(0);
  await expect(dialog.getByTestId('binding-evidence').locator('li')).toHaveText(onPage);
  await expect(dialog.getByTestId('rule-reason')).toHaveText(await group(page, name).getByTestId('rule-reason').innerText());
}

// Each blocker on the demo account the scenario built for it (sim/scenarios/build-demo.ts).
const BLOCKED: [string, string[]][] = [
  ['desk-hotel', ['key-limit']],
  ['desk-mike', ['exit-cooldown']],
  ['desk-kilo', ['no-trading-key']],
  ['desk-lima', ['no-trading-key']],
];

test.use({ storageState: storageState('owner'), viewport: { width: 1440, height: 900 } });

test('the create-key dialog shows blockers before any form, what a special key may do, and the account’s binding verdict', async ({ page }) => {
  test.setTimeout(150_000);
  await openKeysWithData(page);

  for (const [name, blockers] of BLOCKED) {
    const { button, dialog } = await openCreate(page, name);
    await expect(dialog.getByTestId('create-blockers').locator('li')).toHaveCount(blockers.length);
    for (const id of blockers) await expect(dialog.locator(`[data-blocker="${id}"]`)).toBeVisible();
    await expect(dialog.getByLabel('Key name')).toHaveCount(0);
    await expect(dialog.getByTestId('special-key-scope')).toContainText('through spot /api endpoints');
    await expect(dialog.getByTestId('special-key-scope')).toContainText('Never use it on /sapi');
    await expectSameVerdict(page, name);
    if (name === 'desk-hotel') {
      await expect(dialog).toContainText('already holds 30 of 30 keys');
      for (const width of [390, 1024, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await screenshot(page, `create-key-blocked-${width}`, false);
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    if (name === 'desk-mike') await expect(dialog).toContainText('refuses new special keys until');
    // Escape closes the dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  }

  // desk-alpha: nothing in the way, so the form comes, under the same scope note and verdict.
  const { dialog } = await openCreate(page, 'desk-alpha');
  await expect(dialog.getByTestId('create-blockers')).toHaveCount(0);
  await expect(dialog.getByLabel('Key name')).toBeFocused();
  await expect(dialog.getByTestId('special-key-scope')).toContainText('Never use it on /sapi');
  await expect(dialog.getByTestId('binding-change')).toContainText('already bound');
  await expectSameVerdict(page, 'desk-alpha');
  for (const width of [390, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `create-key-form-${width}`, false);
  }
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

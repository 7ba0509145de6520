import { expect, test, type Page } from '@playwright/test';
import { fullPageScreenshot, storageState, ownPage, openPage } from './support';

const groups = (page: Page) => page.getByTestId('key-account');
const group = (page: Page, name: string) => page.locator(`[data-testid="key-account"][data-account="${name}@fundx.example"]`);

/** `npm start` refreshes on start; until the first refresh lands the accounts have no keys to show. */
async function openKeysWithData(page: Page) {
  await openPage(page, '/keys');
  await expect(async () => {
    if (!(await group(page, 'desk-hotel').isVisible())) await page.reload();
    await expect(group(page, 'desk-hotel')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}

// Each flag on the demo account the scenario built for it, and nowhere else (sim/scenarios/build-demo.ts).
const BUILT_FOR: [string, string[]][] = [
  ['At the 30-key limit', ['desk-hotel']],
  ['No IP whitelist', ['desk-juliet']],
  ['Withdrawals enabled', ['desk-kilo']],
  ['Unsupported product', ['desk-india']],
  ['Special key, no normal key', ['desk-lima']],
  ['Idle special key', ['desk-echo']],
  // Every account the binding verdict calls bound, PM Pro included (one verdict: docs/domain.md#binding).
  ['Bound (LiquidationLoan)', ['desk-alpha', 'desk-delta', 'desk-echo', 'desk-foxtrot', 'desk-golf', 'desk-hotel', 'desk-juliet']],
  ['Still bound: exit not confirmed', ['desk-bravo']],
];

for (const role of ['owner', 'ops'] as const) {
  test.describe(`${role} keys`, () => {
    test.use({ storageState: storageState(role), viewport: { width: 1280, height: 900 } });

    test('inventory with quota, flags on the accounts built for them, terms and CSV', async ({ page }) => {
      test.setTimeout(120_000);
      await openKeysWithData(page);
      await expect(page.getByRole('heading', { name: 'Keys', level: 1 })).toBeVisible();
      await expect(groups(page)).toHaveCount(15);
      await expect(groups(page).first()).toContainText('master');
      await expect(group(page, 'desk-hotel').getByTestId('quota')).toContainText('30 / 30 keys');
      await expect(group(page, 'desk-lima')).toContainText('no normal key stored: special keys unknown');
      await expect(group(page, 'desk-kilo')).toContainText('stored key can only read: special keys unknown');
      await expect(group(page, 'desk-mike')).toContainText('no new special key until');
      await expect(page.getByTestId('terms-status')).toContainText('inferred from the first special key');
      await expect(page.getByTestId('keys-summary')).toContainText('Near the limit');
      await fullPageScreenshot(page, `keys-${role}`);

      const flag = page.getByLabel('Flag');
      for (const [label, accounts] of BUILT_FOR) {
        await flag.selectOption({ label });
        await expect(groups(page)).toHaveCount(accounts.length);
        for (const name of accounts) await expect(group(page, name)).toBeVisible();
      }

      await flag.selectOption({ label: 'No IP whitelist' });
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const csv = await (await download).createReadStream().then(async (s) => {
        let text = '';
        for await (const chunk of s) text += chunk;
        return text;
      });
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toContain('account,quota');
      expect(lines.slice(1).every((l) => l.startsWith('desk-juliet@fundx.example'))).toBe(true);
      expect(csv).toContain('juliet-hft-open');
      expect(csv).not.toMatch(/[A-Za-z0-9]{64}/);
    });
  });
}

test.describe('ops sees no key actions', () => {
  test.use({ storageState: storageState('ops') });

  test('no action buttons, and 403 from every action route', async ({ page }) => {
    test.setTimeout(120_000);
    await openKeysWithData(page);
    await expect(page.getByRole('button', { name: 'Create special key' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit IPs' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /signing date/ })).toHaveCount(0);
    const body = { account: 'desk-charlie@fundx.example', apiName: 'ops-try', ip: '203.0.113.10', confirmBinding: true };
    const keyId = 'special:00000000-0000-4000-8000-000000000000';
    expect((await page.request.post('/api/keys/special', { headers: ownPage, data: body })).status()).toBe(403);
    expect((await page.request.put('/api/keys/special/ip', { headers: ownPage, data: { keyId, ip: '203.0.113.10' } })).status()).toBe(403);
    expect((await page.request.delete('/api/keys/special', { headers: ownPage, data: { keyId } })).status()).toBe(403);
    expect((await page.request.put('/api/terms', { headers: ownPage, data: { signedOn: '2025-01-01', note: '' } })).status()).toBe(403);
  });
});

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { screenshot, storageState, ownPage, openPage, stepUp } from '../support';

// Only desk-charlie: an unbound Cross Classic account the exit spec (same project) never touches.
const CHARLIE = 'desk-charlie@fundx.example';
const charlieGroup = (page: Page) => page.locator(`[data-testid="key-account"][data-account="${CHARLIE}"]`);
const walkRow = (page: Page) => charlieGroup(page).getByTestId('key-row').filter({ hasText: 'walk-01' });

interface DemoKey { name: string; apiKey: string; secretKey?: string }

/** The owner stores desk-charlie's margin trading key (the demo stores charlie-monitor, which has no Margin permission), as Settings → Connections would. */
async function storeCharlieTradingKey(page: Page) {
  const scenario = JSON.parse(readFileSync('sim/scenarios/demo.json', 'utf8')) as { subAccounts: { email: string; keys: DemoKey[] }[] };
  const trading = scenario.subAccounts.find((s) => s.email === CHARLIE)!.keys.find((k) => k.name === 'charlie-trading')!;
  const { connections } = (await (await page.request.get('/api/connections')).json()) as { connections: { id: string; kind: string; masterId: string | null; accountEmail: string | null }[] };
  const stored = connections.find((c) => c.kind === 'sub' && c.accountEmail === CHARLIE)!;
  expect((await page.request.delete(`/api/connections/${stored.id}`, { headers: ownPage })).status()).toBe(200);
  const added = await page.request.post(`/api/connections/${stored.masterId}/sub-accounts`, {
    headers: ownPage,
    data: { accountEmail: CHARLIE, name: trading.name, apiKey: trading.apiKey, signerType: 'HMAC', secret: trading.secretKey },
  });
  expect(added.status()).toBe(200);
}

async function charlieBinding(page: Page, text: string) {
  await openPage(page, '/accounts');
  const row = page.getByTestId('account-row').filter({ hasText: 'desk-charlie' });
  // The action started a refresh; the Accounts page shows the account once that refresh has landed.
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

test.use({ storageState: storageState('owner'), viewport: { width: 1280, height: 900 } });

test('owner creates a special key on an unbound Cross Classic account, edits its IPs and deletes it; the account stays bound', async ({ page }) => {
  test.setTimeout(180_000);
  // Every action below changes the exchange or the connections: a recent second factor first (docs/security.md).
  await stepUp(page);
  await storeCharlieTradingKey(page);
  await charlieBinding(page, 'standard liquidation');

  await openPage(page, '/keys');
  await charlieGroup(page).getByRole('button', { name: 'Create special key' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Key name').fill('walk-01');
  await dialog.getByLabel(/IP whitelist/).fill('203.0.113.10, 999.1.1.1');
  await dialog.getByRole('button', { name: 'Create special key' }).click();
  await expect(dialog.getByRole('alert')).toContainText('"999.1.1.1" is not an IPv4 or IPv6 address');
  await dialog.getByLabel(/IP whitelist/).fill('203.0.113.10');
  await dialog.getByRole('button', { name: 'Create special key' }).click();

  const confirmation = page.getByTestId('binding-confirmation');
  await expect(confirmation).toContainText('bound to the LiquidationLoan policy');
  await expect(confirmation).toContainText('Deleting the key later will not release the account');
  await screenshot(page, 'keys-binding-confirmation');
  await page.getByRole('button', { name: 'Bind the account and create the key' }).click();

  const secret = page.getByTestId('secret-once');
  await expect(secret.getByTestId('secret-value')).toHaveText(/^[A-Za-z0-9]{64}$/);
  await expect(secret).toContainText('cannot show it again');
  await screenshot(page, 'keys-secret-once');
  await expect(secret.getByRole('button', { name: 'Done' })).toBeDisabled();
  await secret.getByLabel('I have copied the secret').check();
  await secret.getByRole('button', { name: 'Done' }).click();
  await expect(walkRow(page)).toContainText('Margin Special');

  await charlieBinding(page, 'special key created');

  await openPage(page, '/keys');
  await walkRow(page).getByRole('button', { name: 'Edit IPs' }).click();
  await page.getByRole('dialog').getByLabel(/Addresses/).fill('198.51.100.0/24\n2001:db8::1');
  await page.getByRole('dialog').getByRole('button', { name: 'Save whitelist' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(walkRow(page)).toContainText('198.51.100.0/24, 2001:db8::1');

  await walkRow(page).getByRole('button', { name: 'Delete' }).click();
  const warning = page.getByTestId('delete-warning');
  await expect(warning).toContainText('Deleting the key alone is not an exit');
  await expect(warning.getByRole('link', { name: 'Exit wizard' })).toHaveAttribute('href', '/exit');
  await screenshot(page, 'keys-delete-warning');
  await warning.getByRole('button', { name: 'Delete the key' }).click();
  await expect(page.getByTestId('delete-done')).toContainText('stays bound');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(walkRow(page)).toContainText('deleted');

  await charlieBinding(page, 'keys deleted, no exit');
});

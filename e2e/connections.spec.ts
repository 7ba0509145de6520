import { expect, test } from '@playwright/test';
import { loadScenario, parseScenario, type Scenario } from '../sim/scenario';
import { type RunningSimulator, startSimulator } from '../sim/server';
import { normalKey } from '../sim/testing/scenarios';
import { screenshot, storageState, ownPage, openPage, stepUp } from './support';

// This spec brings its own simulator (a free port) and types its URL into the form. Its master holds a key of
// its own, so adding it never collides with the demo master the app seeds at start-up.
let sim: RunningSimulator;
let scenario: Scenario;

const key = (name: string) => {
  for (const a of [scenario.master, ...scenario.subAccounts]) {
    const k = a.keys.find((x) => x.name === name);
    if (k) return { apiKey: k.apiKey, secret: k.secretKey ?? '' };
  }
  throw new Error(`no key named ${name}`);
};

test.beforeAll(async () => {
  const demo = await loadScenario('demo');
  // Keys of its own (the demo master the app seeds already stores the scenario's keys): a master key, and
  // a withdrawal-enabled key on desk-kilo.
  const withdrawals = normalKey('kilo-e2e-withdrawals', { enableReading: true, enableWithdrawals: true });
  scenario = parseScenario({
    ...demo,
    master: { ...demo.master, keys: [normalKey('e2e-master', { enableReading: true })] },
    subAccounts: demo.subAccounts.map((a) => (a.email === 'desk-kilo@fundx.example' ? { ...a, keys: [...a.keys, withdrawals] } : a)),
  });
  sim = await startSimulator({ port: 0, scenario });
});
test.afterAll(async () => {
  await sim?.close();
});

test.describe('owner', () => {
  test.use({ storageState: storageState('owner') });
  // Adding and removing connections needs a recent second factor (docs/security.md).
  test.beforeEach(async ({ page }) => stepUp(page));

  test('adds the master connection, then a sub-account key with withdrawals enabled', async ({ page }) => {
    test.setTimeout(60_000);
    await openPage(page, '/settings');
    await expect(page).toHaveURL(/\/settings\/connections$/);
    await expect(page.getByRole('heading', { name: 'Connections' })).toBeVisible();

    const master = key('e2e-master');
    await page.getByRole('button', { name: 'Add master connection' }).first().click();
    const form = page.getByRole('form', { name: 'Add master connection' });
    await form.getByLabel('Name').fill('FundX master (e2e)');
    await form.getByLabel('Base URL').fill(sim.url);
    await form.getByLabel('API key').fill(master.apiKey);
    await form.getByLabel('HMAC secret').fill(master.secret);
    await form.getByRole('button', { name: 'Check and save' }).click();

    const card = page.locator('[data-testid="master"][data-name="FundX master (e2e)"]');
    await expect(card).toBeVisible();
    await expect(card.getByTestId('masked-key').first()).toContainText(`••••${master.apiKey.slice(-4)}`);
    await expect(page.getByText(master.apiKey)).toHaveCount(0);

    // Adding the master listed its sub-accounts; opening the panel reads that list, "Read now" lists them again.
    await card.getByRole('button', { name: /Sub-accounts/ }).click();
    await expect(card.getByTestId('sub-accounts-listed')).toContainText(/Listed by the exchange \d+ s ago/);
    await card.getByRole('button', { name: 'Read now' }).click();
    await expect(card.getByRole('button', { name: 'Read now' })).toBeEnabled();
    const kilo = card.locator('[data-testid="sub-account"][data-email="desk-kilo@fundx.example"]');
    await kilo.getByRole('button', { name: 'Add key for desk-kilo@fundx.example' }).click();
    const subForm = page.getByRole('form', { name: 'Add key for desk-kilo@fundx.example' });
    const treasury = key('kilo-e2e-withdrawals');
    await subForm.getByLabel('API key').fill(treasury.apiKey);
    await subForm.getByLabel('HMAC secret').fill(treasury.secret);
    await subForm.getByRole('button', { name: 'Check and save' }).click();
    await expect(kilo.getByText('Withdrawals enabled')).toBeVisible();
    await expect(kilo.getByTestId('masked-key')).toContainText(`••••${treasury.apiKey.slice(-4)}`);
    // The connection check of a Reading-only key (issue 13): what it unlocks, and what each other feature needs.
    const features = kilo.getByTestId('key-features');
    await expect(features.locator('[data-feature="risk_reads"]')).toHaveAttribute('data-unlocked', 'true');
    for (const id of ['special_keys', 'exit']) {
      await expect(features.locator(`[data-feature="${id}"]`)).toContainText('needs Enable Spot & Margin Trading');
    }
    await expect(features.locator('[data-feature="repay"]')).toContainText('needs Enable Margin Loan, Repay & Transfer');
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await kilo.scrollIntoViewIfNeeded();
      await screenshot(page, `connection-check-reading-only-${width}`, false);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'connections-owner');

    // Remove it again (with the confirm step), so the app's scheduled refresh never reads a simulator that
    // this spec closes.
    await card.getByRole('button', { name: 'Remove', exact: true }).first().click();
    await card.getByRole('alertdialog').getByRole('button', { name: 'Yes, remove' }).click();
    await expect(card).toHaveCount(0);
  });

  test('a wrong secret is refused with the reason and nothing is saved', async ({ page }) => {
    await openPage(page, '/settings/connections');
    await page.getByRole('button', { name: 'Add master connection' }).first().click();
    const form = page.getByRole('form', { name: 'Add master connection' });
    await form.getByLabel('Name').fill('Wrong secret');
    await form.getByLabel('Base URL').fill(sim.url);
    // alpha-trading: a normal key the demo seed does not store (it stores each sub's monitor key).
    await form.getByLabel('API key').fill(key('alpha-trading').apiKey);
    await form.getByLabel('HMAC secret').fill('not-the-secret');
    await form.getByRole('button', { name: 'Check and save' }).click();
    await expect(form.getByRole('alert')).toContainText('signature');
    await expect(form.getByRole('alert')).toContainText('Nothing was saved');
  });
});

test.describe('ops', () => {
  test.use({ storageState: storageState('ops') });

  test('sees the list without any action, and the API refuses a change with 403', async ({ page }) => {
    await openPage(page, '/settings/connections');
    await expect(page.getByRole('heading', { name: 'Connections' })).toBeVisible();
    const subToggle = page.getByRole('button', { name: /Sub-accounts/ });
    if (await subToggle.count()) {
      await subToggle.first().click();
      await expect(page.getByTestId('sub-account').first()).toBeVisible();
    }
    for (const name of ['Add master connection', 'Rotate secret', 'Remove', /^Add key/]) {
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    }
    await screenshot(page, 'connections-ops');

    const res = await page.request.post('/api/connections', { headers: ownPage, data: { name: 'x' } });
    expect(res.status()).toBe(403);
  });
});

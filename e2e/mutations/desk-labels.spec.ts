import { expect, test, type Page } from '@playwright/test';
import { ownPage, screenshot, storageState, openPage } from '../support';

// desk-echo, the demo's top risk: it shows on the Overview, the Keys page, the exit wizard and in alerts.
const ECHO = 'desk-echo@fundx.example';
const REMARK = 'PM Pro macro book'; // the demo scenario's remark for the sub-account
const LABEL = 'Macro book (PM Pro)';
const labelApi = (email: string) => `/api/accounts/${encodeURIComponent(email)}/label`;
/** Every place an account is named by its desk label: the label, then the email. */
const named = (page: Page) => page.locator(`[data-testid="desk-label"][data-email="${ECHO}"]`);

test.describe('desk labels', () => {
  test.use({ storageState: storageState('owner'), viewport: { width: 1440, height: 900 } });

  test('the owner names an account on its page; every page then shows the label first and the email second', async ({ page }) => {
    test.setTimeout(120_000);
    // Refused input changes nothing: too long, and an account the refresh does not know.
    expect((await page.request.put(labelApi(ECHO), { headers: ownPage, data: { label: 'x'.repeat(65) } })).status()).toBe(400);
    expect((await page.request.put(labelApi('nobody@fundx.example'), { headers: ownPage, data: { label: 'ghost' } })).status()).toBe(404);
    // Before an owner names it, the account goes by the remark the exchange lists for it.
    const before = (await (await page.request.get('/api/labels')).json()) as { labels: Record<string, { label: string; source: string }> };
    expect(before.labels[ECHO]).toEqual({ label: REMARK, source: 'exchange' });

    await openPage(page, `/accounts/${encodeURIComponent(ECHO)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(REMARK);
    await expect(page.getByTestId('desk-label-current')).toContainText('remark on the exchange');
    await page.getByRole('button', { name: 'Set a desk label' }).click();
    await page.getByRole('textbox', { name: 'Desk label' }).fill(`  ${LABEL} `);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LABEL);
    await expect(page.getByTestId('desk-label-current')).toContainText(`Desk label:${LABEL}Change`);
    await screenshot(page, 'desk-label-account', false);

    await openPage(page, '/accounts');
    const row = page.getByTestId('account-row').filter({ hasText: ECHO });
    await expect(row.getByTestId('desk-label')).toHaveText(`${LABEL}${ECHO}`);
    await page.getByLabel('Search').fill('(pm pro)');
    await expect(page.getByTestId('account-row')).toHaveCount(1);
    await expect(page.getByTestId('account-row')).toContainText(ECHO);

    for (const path of ['/', '/keys', '/exit', '/alerts']) {
      await openPage(page, path);
      await expect(named(page).first(), path).toContainText(LABEL);
    }
    await openPage(page, '/keys');
    await expect(page.locator(`[data-testid="key-account"][data-account="${ECHO}"] h2`)).toContainText(`${LABEL}${ECHO}`);
    await screenshot(page, 'desk-label-keys', false);

    await openPage(page, '/audit');
    // The mutation specs beside this one write audit entries too: read this action's newest entry, not the newest of all.
    await expect(page.locator('[data-testid="audit-entry"][data-action="labels.set"]').first()).toContainText(`set the desk label of ${ECHO} to “${LABEL}”.`);

    // Removed again: the exchange's remark names it, as before.
    await openPage(page, `/accounts/${encodeURIComponent(ECHO)}`);
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(REMARK);
    await expect(page.getByTestId('desk-label-current')).toContainText('remark on the exchange');
  });
});

test.describe('desk labels as ops', () => {
  test.use({ storageState: storageState('ops') });

  test('ops reads labels but may not set one', async ({ page }) => {
    const refused = await page.request.put(labelApi(ECHO), { headers: ownPage, data: { label: 'ops was here' } });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(((await (await page.request.get('/api/labels')).json()) as { labels: Record<string, { label: string }> }).labels[ECHO]?.label).not.toBe('ops was here');
    await openPage(page, `/accounts/${encodeURIComponent(ECHO)}`);
    await expect(page.getByTestId('desk-label-current')).toBeVisible();
    await expect(page.getByRole('button', { name: /desk label|Change/ })).toHaveCount(0);
  });
});

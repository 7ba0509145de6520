import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { confirmInDialog, demoCredential, fullPageScreenshot, screenshot, signIn, storageState, ownPage, openPage, stepUp } from '../support';

// desk-hotel is the demo's one bound account that can exit once its debts are repaid from its own wallet.
// desk-charlie belongs to the keys spec (same project, maybe at the same time): never part of this run.
const HOTEL = 'desk-hotel@fundx.example';
const CHARLIE = 'desk-charlie@fundx.example';
const ACTION_ROUTES = ['delete-keys', 'exit', 'cancel'] as const;

interface SimRequest { method: string; path: string; account?: string; targetKey?: string; status: number }

/** What the simulator received for desk-hotel on one path: a double click must add one request, not two. */
async function hotelRequests(page: Page, method: string, path: string): Promise<SimRequest[]> {
  const log = (await (await page.request.get(`http://127.0.0.1:${process.env.E2E_SIM_PORT}/__sim/requests`)).json()) as { requests: SimRequest[] };
  return log.requests.filter((r) => r.method === method && r.path === path && r.account === HOTEL);
}

/** A dialog at a phone's, a laptop's and a wide screen's width. */
async function dialogShots(page: Page, name: string) {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [390, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`, false);
  }
  await page.setViewportSize(viewport);
}

/** `npm start` refreshes on start; until the first refresh lands the review says there is no data. */
async function openReview(page: Page) {
  await openPage(page, '/exit');
  const excluded = page.getByRole('heading', { name: /^Not part of the run/ });
  await expect(async () => {
    if (!(await excluded.isVisible())) await page.reload();
    await expect(excluded).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}

test.describe.serial('exit wizard', () => {
  test.use({ storageState: storageState('owner') });
  let runId = '';
  let versionBeforeExit = 0;

  test('review: a liability blocks, PM Pro is left out, no key cannot act; repay from the wizard, asked for a code first', async ({ browser }) => {
    test.setTimeout(180_000);
    // A session of its own, just signed in: no second-factor proof yet, so the repay asks for a code.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const owner = demoCredential('owner');
    await signIn(page, owner.email, owner.password);
    await expect(page).toHaveURL(/\/$/);
    await openReview(page);
    const hotel = page.getByTestId(`blocked-${HOTEL}`);
    await expect(hotel).toContainText('Repay 500 ETH borrowed + interest: Binance refuses the exit while any liability remains.');
    await expect(page.getByTestId('excluded-desk-echo@fundx.example')).toContainText('no exit through the API: contact your VIP manager');
    await expect(page.getByTestId('blocked-desk-lima@fundx.example')).toContainText('No normal key of this account is stored');
    await fullPageScreenshot(page, 'exit-1-review-blocked');

    const ethForm = hotel.getByRole('form', { name: `Repay ETH for ${HOTEL}` });
    await ethForm.getByLabel('Amount (ETH)').fill('600');
    await ethForm.getByRole('button', { name: 'Repay ETH' }).click();
    await expect(ethForm.getByRole('alert')).toContainText('more than is owed: 500 ETH. Nothing was sent.');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await fullPageScreenshot(page, 'exit-2-repay-refused');
    await ethForm.getByLabel('Amount (ETH)').fill('500');
    await ethForm.getByRole('button', { name: 'Repay ETH' }).click();

    // The dialog asks first: asset, amount, the wallet it comes from and what the account owes after.
    const dialog = page.getByTestId('repay-dialog');
    await expect(dialog).toContainText('ETH borrowed + interest, 500 ETH owed');
    await expect(dialog).toContainText('margin wallet: 500 ETH free, 0 ETH after');
    await expect(dialog.getByTestId('repay-after-estimate')).toHaveText('USDT borrowed + interest: 1,000,000 USDT');
    await dialogShots(page, 'exit-repay-dialog');
    const before = await hotelRequests(page, 'POST', '/sapi/v1/margin/borrow-repay');
    await dialog.getByRole('button', { name: 'Repay 500 ETH' }).dblclick();

    // Refused for want of a code (nothing sent): the same dialog asks for it in place of the repay, its title still
    // naming the repay; no second dialog opens. A wrong code is told so.
    const prompt = page.getByRole('dialog').getByTestId('step-up-prompt');
    await expect(prompt).toContainText('Nothing has been sent yet');
    await expect(page.getByRole('dialog')).toHaveCount(1);
    await expect(page.getByRole('dialog').getByRole('heading', { name: 'Repay 500 ETH?' })).toBeVisible();
    await expect(dialog).toBeHidden();
    expect((await hotelRequests(page, 'POST', '/sapi/v1/margin/borrow-repay')).length).toBe(before.length);
    const current = await generate({ secret: owner.totpSecret! });
    await prompt.getByLabel('6-digit code').fill(current === '000000' ? '111111' : '000000');
    await prompt.getByRole('button', { name: 'Confirm and continue' }).click();
    await expect(prompt.getByRole('alert')).toContainText('not the current code');
    await dialogShots(page, 'exit-step-up-prompt');
    await confirmInDialog(page.getByRole('dialog'));
    await expect(dialog.getByTestId('repay-outcome')).toContainText('The exchange accepted the repay of 500 ETH');
    await expect(dialog.getByTestId('repay-after-exchange')).toContainText('USDT borrowed + interest: 1,000,000 USDT');
    await dialogShots(page, 'exit-repay-outcome');
    // A double click on the dialog's button repays once.
    expect((await hotelRequests(page, 'POST', '/sapi/v1/margin/borrow-repay')).length - before.length).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect(hotel).not.toContainText('Repay 500 ETH', { timeout: 30_000 });
    const usdtForm = hotel.getByRole('form', { name: `Repay USDT for ${HOTEL}` });
    await expect(usdtForm.getByLabel('Amount (USDT)')).toHaveValue('1000000');
    await usdtForm.getByRole('button', { name: 'Repay USDT' }).click();
    await dialog.getByRole('button', { name: 'Repay 1,000,000 USDT' }).click();
    await expect(dialog.getByTestId('repay-after-exchange')).toHaveText('Nothing: no liability left.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('checkbox', { name: `Include ${HOTEL}` })).toBeChecked({ timeout: 30_000 });
    await context.close();
  });

  test('step 1 deletes the keys and says the account is STILL BOUND; step 2 needs the typed word', async ({ page }) => {
    await stepUp(page);
    await openReview(page);
    // Only desk-hotel: deselect every other account the review offers.
    for (const box of await page.getByRole('checkbox', { name: /^Include / }).all()) {
      const label = await box.getAttribute('aria-label');
      if (label !== `Include ${HOTEL}` && (await box.isChecked())) await box.uncheck();
    }
    await expect(page.getByRole('checkbox', { name: `Include ${CHARLIE}`, checked: true })).toHaveCount(0);
    await fullPageScreenshot(page, 'exit-3-review-ready');
    await page.getByRole('button', { name: 'Step 1: delete the special keys of 1 account' }).click();

    // The dialog lists every key it will delete, by name and last 4 characters, and says what happens.
    const confirmKeys = page.getByTestId('confirm-delete-keys');
    const listed = confirmKeys.getByTestId(`delete-list-${HOTEL}`).getByRole('listitem');
    await expect(listed).toHaveCount(4);
    for (const item of await listed.all()) await expect(item).toHaveText(/^hotel-\S+••••\w{4}(cross margin|isolated \w+)$/);
    await expect(confirmKeys).toContainText('Deleting the keys alone is not an exit.');
    await dialogShots(page, 'exit-delete-keys-dialog');
    const deletesBefore = await hotelRequests(page, 'DELETE', '/sapi/v1/margin/apiKey');
    await confirmKeys.getByRole('button', { name: 'Delete 4 special keys on 1 account' }).dblclick();

    const run = page.getByTestId('exit-run');
    await expect(run).toHaveAttribute('data-phase', 'keys_deleted', { timeout: 60_000 });
    await expect(page.getByTestId(`keys-${HOTEL}`)).toContainText('4 of 4 special keys deleted');
    await expect(page.getByTestId('still-bound')).toContainText('the accounts are STILL BOUND');
    // A double click on the dialog's button started one run: each key was deleted once.
    const deletes = (await hotelRequests(page, 'DELETE', '/sapi/v1/margin/apiKey')).slice(deletesBefore.length);
    expect(deletes.map((d) => d.targetKey).sort()).toEqual([...new Set(deletes.map((d) => d.targetKey))].sort());
    expect(deletes).toHaveLength(4);
    await fullPageScreenshot(page, 'exit-4-still-bound');

    runId = (await (await page.request.get('/api/exit')).json() as { activeRunId: string }).activeRunId;
    versionBeforeExit = Number(await run.getAttribute('data-version'));
    const confirm = page.getByRole('form', { name: 'Confirm the exit' });
    await confirm.getByRole('textbox').fill('exit');
    await expect(confirm.getByRole('button', { name: 'Exit 1 account' })).toBeDisabled();
    await confirm.getByRole('textbox').fill('EXIT');
    await fullPageScreenshot(page, 'exit-5-typed-confirmation');
    await confirm.getByRole('button', { name: 'Exit 1 account' }).click();

    await expect(run).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
    const outcome = page.getByTestId(`outcome-${HOTEL}`);
    await expect(outcome).toContainText('Exited — confirmed by the exchange');
    await expect(outcome).toContainText('new special keys blocked until');
    await expect(page.getByTestId('run-summary')).toContainText('1 of 1 account exited and confirmed');
    await expect(page.getByRole('list', { name: 'Audit trail' })).toContainText('exit.confirmed');
    await fullPageScreenshot(page, 'exit-6-done');
    await page.emulateMedia({ media: 'print' });
    await fullPageScreenshot(page, 'exit-7-print');
    await page.emulateMedia({ media: 'screen' });
  });

  test('the account shows as not bound, with the cooldown; a stale tab cannot act on the finished run', async ({ page }) => {
    await stepUp(page);
    await openPage(page, '/accounts');
    const row = page.getByTestId('account-row').filter({ hasText: 'desk-hotel' });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText('Not bound', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    // The hourly key list still names the 4 deleted special keys; the count must not.
    await expect(row).toContainText('26/30');
    await openPage(page, `/accounts/${encodeURIComponent(HOTEL)}`);
    await expect(page.getByText('new special keys blocked until')).toBeVisible();
    await fullPageScreenshot(page, 'exit-8-account-released');

    const stale = await page.request.post(`/api/exit/runs/${runId}/exit`, { headers: ownPage, data: { version: versionBeforeExit, confirmation: 'EXIT' } });
    expect(stale.status()).toBe(409);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toContain('finished; nothing was changed');
    const { version } = (await (await page.request.get(`/api/exit/runs/${runId}`)).json()) as { version: number };
    expect((await page.request.post(`/api/exit/runs/${runId}/cancel`, { headers: ownPage, data: { version } })).status()).toBe(409);
  });

  test.describe('ops', () => {
    test.use({ storageState: storageState('ops') });

    test('watches the run read-only and gets 403 from every action route', async ({ page }) => {
      await openReview(page);
      await expect(page.getByRole('button', { name: /Repay|Step 1/ })).toHaveCount(0);
      await page.getByRole('button', { name: 'Open' }).first().click();
      await expect(page.getByText('Read-only: your role can watch this run but not act on it.')).toBeVisible();
      await expect(page.getByRole('button', { name: /Exit|Retry|Cancel this run/ })).toHaveCount(0);
      await fullPageScreenshot(page, 'exit-9-ops-read-only');

      for (const action of ACTION_ROUTES) {
        expect((await page.request.post(`/api/exit/runs/${runId}/${action}`, { headers: ownPage, data: { version: 1, confirmation: 'EXIT' } })).status(), action).toBe(403);
      }
      expect((await page.request.post('/api/exit/runs', { headers: ownPage, data: { accounts: [HOTEL] } })).status()).toBe(403);
      expect((await page.request.post('/api/exit/repay', { headers: ownPage, data: { account: HOTEL, kind: 'MARGIN', asset: 'ETH', amount: '1' } })).status()).toBe(403);
    });
  });
});

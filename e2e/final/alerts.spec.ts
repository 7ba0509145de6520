import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { fullPageScreenshot, storageState } from '../support';

// In the last project: the shock moves every demo figure, which the earlier specs assert.
const SIM = `http://127.0.0.1:${process.env.E2E_SIM_PORT}`;
const SECRET = 'e2e-signing-secret-0123456789';
const TITLE = 'desk-charlie: margin level 1.4583 (margin level under 1.5)';

type Hit = { headers: IncomingHttpHeaders; body: string };

/** The desk's own receiver, as a customer would write it: recompute the signature over the raw body. */
function validSignature(hit: Hit): boolean {
  const ts = hit.headers['x-marginwatch-timestamp'] as string;
  const expected = `v1=${createHmac('sha256', SECRET).update(`${ts}.${hit.body}`).digest('hex')}`;
  return hit.headers['x-marginwatch-signature'] === expected && Math.abs(Date.now() / 1000 - Number(ts)) < 300;
}

async function shots(page: Page, name: string) {
  for (const width of [390, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await fullPageScreenshot(page, `${name}-${width}`);
  }
}

test('owner sets a rule and a webhook; a shock fires it once; the header counts it; ops acknowledges it with a note', async ({ browser }) => {
  test.setTimeout(180_000);
  const hits: Hit[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const owner = await browser.newContext({ storageState: storageState('owner'), viewport: { width: 1280, height: 900 } });
  const ops = await browser.newContext({ storageState: storageState('ops'), viewport: { width: 1280, height: 900 } });
  const page = await owner.newPage();
  const before = (await (await fetch(`${SIM}/__sim/state`)).json()) as { prices: Record<string, string> };
  try {
    // The owner's rule: desk-charlie's margin level under 1.5 (it is 1.62 before the shock).
    await page.goto('/settings/alerts');
    await page.getByRole('button', { name: 'Add a rule' }).click();
    const ruleForm = page.getByRole('form', { name: 'Add a rule' });
    await ruleForm.getByLabel('Condition').selectOption('margin_level');
    await ruleForm.getByLabel('Threshold').fill('-1');
    await ruleForm.getByLabel('Scope').selectOption('account');
    await ruleForm.getByLabel('Sub-account', { exact: true }).fill('desk-charlie@fundx.example');
    await ruleForm.getByRole('button', { name: 'Save rule' }).click();
    await expect(ruleForm.getByRole('alert')).toContainText('threshold: must be a number that is not negative');
    await ruleForm.getByLabel('Threshold').fill('1.5');
    await ruleForm.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByTestId('alert-rules')).toContainText('When margin level under 1.5, on desk-charlie');

    // Its webhook, then "Send a test".
    await page.getByRole('button', { name: 'Add a channel' }).click();
    const channelForm = page.getByRole('form', { name: 'Add a channel' });
    await channelForm.getByLabel('Name').fill('Desk receiver');
    await channelForm.getByLabel('URL (https)').fill(hookUrl);
    await channelForm.getByLabel(/Signing secret/).fill(SECRET);
    await channelForm.getByRole('button', { name: 'Save channel' }).click();
    const channel = page.getByTestId('alert-channel').filter({ hasText: 'Desk receiver' });
    await channel.getByRole('button', { name: 'Send a test' }).click();
    await expect(channel.getByRole('status')).toHaveText('✓ Test delivered');
    expect(hits.map((h) => (JSON.parse(h.body) as { alert: { transition: string } }).alert.transition)).toEqual(['test']);
    await shots(page, 'alerts-settings');

    // The shock, then a refresh from the header.
    const count = page.getByTestId('alert-count');
    const openBefore = Number(await count.textContent());
    const shocked = await fetch(`${SIM}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shock: '-0.1' }) });
    expect(shocked.status).toBe(200);
    await page.goto('/alerts');
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByTestId('alert').filter({ hasText: TITLE })).toBeVisible({ timeout: 90_000 });
    await expect.poll(() => hits.filter((h) => h.body.includes(TITLE)).length, { timeout: 15_000 }).toBe(1);
    const hit = hits.find((h) => h.body.includes(TITLE))!;
    expect(validSignature(hit)).toBe(true);
    expect(JSON.parse(hit.body)).toMatchObject({ alert: { account: 'desk-charlie@fundx.example', figures: { marginLevel: expect.stringMatching(/^1\.458333/) } } });
    await expect.poll(async () => Number(await count.textContent()), { timeout: 15_000 }).toBeGreaterThan(openBefore);

    // Ops acknowledges it with a note, from the inbox filtered to the account.
    const opsPage = await ops.newPage();
    await opsPage.goto('/alerts');
    await opsPage.getByLabel('Account').fill('desk-charlie');
    const card = opsPage.getByTestId('alert').filter({ hasText: TITLE });
    await expect(card.getByRole('link', { name: 'Open desk-charlie →' })).toHaveAttribute('href', '/accounts/desk-charlie%40fundx.example');
    await card.getByPlaceholder(/Note/).fill('Called the desk: adding USDT collateral now.');
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(card).toHaveCount(0);
    await opsPage.getByLabel('State').selectOption('acknowledged');
    await expect(opsPage.getByTestId('alert').filter({ hasText: TITLE }).getByTestId('ack-note')).toContainText('adding USDT collateral now');
    await shots(opsPage, 'alerts-inbox-ops');
    await page.goto('/alerts');
    await shots(page, 'alerts-inbox-owner');

  } finally {
    await fetch(`${SIM}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prices: before.prices }) });
    await owner.close();
    await ops.close();
    receiver.close();
  }
});

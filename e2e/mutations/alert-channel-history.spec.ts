import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { openPage, screenshot, stepUp, storageState } from '../support';

/**
 * A channel's delivery history on the settings page: an owner adds a webhook to a local receiver that refuses
 * the first test message (HTTP 500) and takes the next; each "Send a test" shows its result and goes into the history.
 * A refresh run by a spec beside this one may raise an alert while the channel exists: the receiver takes those,
 * and only test messages are counted.
 */
test.describe('alert channel history', () => {
  test.use({ storageState: storageState('owner'), viewport: { width: 1440, height: 900 } });
  let receiver: Server;
  let url = '';
  let calls = 0;
  test.beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const test = (JSON.parse(body) as { alert: { kind: string } }).alert.kind === 'test';
        res.writeHead(test && ++calls === 1 ? 500 : 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  test('each test send is shown with its outcome and kept in the channel history', async ({ page }) => {
    test.setTimeout(120_000);
    await stepUp(page);
    await openPage(page, '/settings/alerts');
    await page.getByRole('button', { name: 'Add a channel' }).click();
    const form = page.getByRole('form', { name: 'Add a channel' });
    await form.getByLabel('Name').fill('Desk receiver');
    await form.getByLabel('URL (https)').fill(url);
    await form.getByLabel(/Signing secret/).fill('whsec-e2e-0123456789abcdef');
    await form.getByRole('button', { name: 'Save channel' }).click();
    const row = page.getByTestId('alert-channel').filter({ hasText: 'Desk receiver' });
    await expect(row).toBeVisible();

    await row.getByRole('button', { name: 'Send a test' }).click();
    await expect(row.getByRole('status')).toHaveText('Test failed: the receiver answered HTTP 500');
    await expect(row.getByTestId('channel-last-error')).toContainText('the receiver answered HTTP 500');
    await row.getByRole('button', { name: 'Send a test' }).click();
    await expect(row.getByRole('status')).toHaveText('Test delivered (HTTP 200)');
    expect(calls).toBe(2);

    await row.getByTestId('channel-history').locator('summary').click();
    const attempts = row.getByTestId('channel-attempt').filter({ hasText: 'Test message' });
    await expect(attempts).toHaveCount(2);
    await expect(attempts.nth(0)).toContainText('delivered (HTTP 200)');
    await expect(attempts.nth(1)).toContainText('failed (500)');
    await expect(attempts.nth(1)).toContainText('the receiver answered HTTP 500');
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await row.scrollIntoViewIfNeeded();
      await screenshot(page, `alert-channel-history-${width}`, false);
    }
  });
});

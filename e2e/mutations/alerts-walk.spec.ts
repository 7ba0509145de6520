import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { openPage, screenshot, storageState } from '../support';

/*
 * An owner's alert from rule to acknowledgement (docs/alerts.md): a margin-level rule on desk-bravo and a webhook to
 * a receiver this spec runs on loopback; SOL (held by desk-bravo alone, so the specs beside this one see the same
 * figures) falls 5 %, "Refresh now" raises the alert, the receiver gets it signed, the header counts it, ops
 * acknowledges it with a note and the owner reads the note; then the owner sets the channel's quiet hours. SOL is put back
 * at the end.
 */
const sim = `http://127.0.0.1:${process.env.E2E_SIM_PORT}`;
const SECRET = 'whsec-walk-0123456789abcdef';
// desk-bravo's margin level is 9,620,000 / 6,602,400 ≈ 1.457 at SOL 180, and ≈ 1.430 at 171.
const THRESHOLD = '1.44';
const TITLE = /desk-bravo: margin level 1\.4\d{3} \(margin level under 1\.44\)/;

type Received = { headers: IncomingHttpHeaders; body: string };

/** The receiver's own check (node:crypto, not the app's code): HMAC-SHA256 over "<timestamp>.<raw body>", recent. */
function validSignature({ headers, body }: Received): boolean {
  const ts = String(headers['x-marginwatch-timestamp'] ?? '');
  const given = Buffer.from(String(headers['x-marginwatch-signature'] ?? ''));
  const expected = Buffer.from(`v1=${createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')}`);
  return /^\d+$/.test(ts) && Math.abs(Date.now() / 1000 - Number(ts)) <= 300 && given.length === expected.length && timingSafeEqual(given, expected);
}

async function solPrice(request: APIRequestContext): Promise<string> {
  const state = (await (await request.get(`${sim}/__sim/state`)).json()) as { prices: Record<string, string> };
  return state.prices.SOLUSDT!;
}

async function setSol(request: APIRequestContext, price: string) {
  expect((await request.post(`${sim}/__sim/prices`, { data: { prices: { SOLUSDT: price } } })).status()).toBe(200);
}

const openCount = async (page: Page) => Number(await page.getByTestId('alert-count').textContent());

async function shots(page: Page, name: string, inView?: Locator) {
  for (const width of [390, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await inView?.scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-${width}`, false);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe('alerts walk', () => {
  test.use({ storageState: storageState('owner'), viewport: { width: 1440, height: 900 } });
  let receiver: Server;
  let url = '';
  const received: Received[] = [];
  test.beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/walk`;
  });
  test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  test('an owner’s rule fires on a price shock, reaches the webhook signed, and ops acknowledges it', async ({ page, browser, request }) => {
    test.setTimeout(180_000);
    const start = await solPrice(request);
    expect(Number(start)).toBe(180);
    try {
      await openPage(page, '/settings/alerts');
      await page.getByRole('button', { name: 'Add a rule' }).click();
      const rule = page.getByRole('form', { name: 'Add a rule' });
      await rule.getByLabel('Condition').selectOption({ label: 'Margin level under a level' });
      await rule.getByLabel('Threshold').fill(THRESHOLD);
      await rule.getByLabel('Scope').selectOption({ label: 'One sub-account' });
      await rule.getByRole('combobox', { name: 'Sub-account', exact: true }).fill('desk-bravo@fundx.example');
      await rule.getByRole('button', { name: 'Save rule' }).click();
      const ownRule = page.getByTestId('alert-rules').getByRole('listitem').filter({ hasText: `When margin level under ${THRESHOLD}, on desk-bravo` });
      await expect(ownRule).toContainText('Added by an owner');

      await page.getByRole('button', { name: 'Add a channel' }).click();
      const channel = page.getByRole('form', { name: 'Add a channel' });
      await channel.getByLabel('Name').fill('Walk receiver');
      await channel.getByLabel('URL (https)').fill(url);
      await channel.getByLabel(/Signing secret/).fill(SECRET);
      await channel.getByRole('button', { name: 'Save channel' }).click();
      await expect(page.getByTestId('alert-channel').filter({ hasText: 'Walk receiver' })).toBeVisible();
      const before = await openCount(page);

      await setSol(request, '171');
      const refresh = page.getByRole('button', { name: 'Refresh now' });
      await expect(refresh).toBeEnabled({ timeout: 60_000 });
      await refresh.click();

      // The receiver gets the alert once, signed, with the figures and the account link.
      const ours = () => received.filter((r) => TITLE.test(r.body));
      await expect.poll(() => ours().length, { timeout: 90_000 }).toBe(1);
      const [hook] = ours();
      expect(validSignature(hook!)).toBe(true);
      const json = JSON.parse(hook!.body) as { idempotencyKey: string; alert: { id: string; kind: string; account: string; link: string } };
      expect(json.alert).toMatchObject({ id: json.idempotencyKey, kind: 'margin_level', account: 'desk-bravo@fundx.example' });
      expect(json.alert.link).toMatch(/\/accounts\/desk-bravo%40fundx\.example$/);
      expect(hook!.headers['idempotency-key']).toBe(json.idempotencyKey);

      // The header counts it (polled every 10 s; the refresh's end refetches every query).
      await expect.poll(() => openCount(page), { timeout: 30_000 }).toBeGreaterThan(before);
      await openPage(page, '/alerts');
      await page.getByLabel('Account', { exact: true }).fill('desk-bravo');
      const card = page.getByTestId('alert').filter({ hasText: TITLE });
      await expect(card).toHaveCount(1);
      await expect(card.getByRole('link', { name: /Open .*desk-bravo/ })).toHaveAttribute('href', '/accounts/desk-bravo%40fundx.example');
      // Other enabled channels (alert-channel-history's, when it ran first) get it too: this one must have.
      await expect(card.locator('[data-delivery="sent"]').filter({ hasText: 'Walk receiver' })).toHaveCount(1);
      await shots(page, 'alerts-inbox');
      await openPage(page, '/settings/alerts');
      await expect(page.getByTestId('alert-channel').filter({ hasText: 'Walk receiver' })).toContainText('last delivered');
      await shots(page, 'alerts-settings');
      await shots(page, 'alerts-settings-rule', ownRule);

      // Ops acknowledges it with a note.
      const opsContext = await browser.newContext({ storageState: storageState('ops'), viewport: { width: 1440, height: 900 } });
      try {
        const ops = await opsContext.newPage();
        await openPage(ops, '/alerts');
        await ops.getByLabel('Account', { exact: true }).fill('desk-bravo');
        const opsCard = ops.getByTestId('alert').filter({ hasText: TITLE });
        await opsCard.getByPlaceholder(/Note/).fill('SOL gap: desk told to add USDT');
        await opsCard.getByRole('button', { name: 'Acknowledge' }).click();
        await expect(ops.getByTestId('alert').filter({ hasText: TITLE })).toHaveCount(0);
      } finally {
        await opsContext.close();
      }

      // The owner sees who acknowledged it and the note.
      await openPage(page, '/alerts');
      await page.getByLabel('State').selectOption('acknowledged');
      await page.getByLabel('Account', { exact: true }).fill('desk-bravo');
      const acked = page.getByTestId('alert').filter({ hasText: TITLE });
      await expect(acked.getByTestId('ack-note')).toContainText(/Acknowledged by ops@marginwatch\.demo .*: SOL gap: desk told to add USDT/);
      await shots(page, 'alerts-acknowledged');

      // Quiet hours on the channel: a zone Intl does not know is refused, then a night in Paris is kept.
      await openPage(page, '/settings/alerts');
      const row = page.getByTestId('alert-channel').filter({ hasText: 'Walk receiver' });
      await row.getByRole('button', { name: 'Set quiet hours' }).click();
      const quiet = row.getByRole('form', { name: 'Quiet hours of Walk receiver' });
      await quiet.getByLabel('From').fill('22:00');
      await quiet.getByLabel('Until').fill('07:00');
      await quiet.getByLabel('Time zone').fill('Europe/Atlantis');
      await quiet.getByRole('button', { name: 'Save quiet hours' }).click();
      await expect(quiet.getByRole('alert')).toContainText('Time zone “Europe/Atlantis” is not a known IANA zone');
      await quiet.getByLabel('Time zone').fill('Europe/Paris');
      await shots(page, 'alerts-quiet-hours-form', row);
      await quiet.getByRole('button', { name: 'Save quiet hours' }).click();
      await expect(row.getByTestId('channel-quiet-hours')).toContainText('☾ Quiet 22:00–07:00 Europe/Paris, daily digest; severe alerts break through');
      await shots(page, 'alerts-quiet-hours', row);
    } finally {
      await setSol(request, start);
    }
  });
});

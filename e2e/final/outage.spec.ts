import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { fullPageScreenshot, storageState, openPage } from '../support';

// Runs last (its own project): it takes the exchange down for every page of the app while it runs.
const sim = `http://127.0.0.1:${process.env.E2E_SIM_PORT}/__sim`;
const WIDTHS = [390, 1024, 1440] as const;

/** The part of GET /api/refresh (lib/contracts/refresh.ts) this spec reads. */
type RefreshStatus = { running: boolean; staleCount: number; lastFinished: { id: string; status: string } | null };

const faults = (request: APIRequestContext, body: Record<string, unknown>) =>
  request.post(`${sim}/faults`, { data: body }).then((r) => expect(r.ok()).toBe(true));
const status = (page: Page): Promise<RefreshStatus> => page.request.get('/api/refresh').then((r) => r.json());

/** Starts a refresh from the header (or lets a scheduled one that is already running stand for it). */
async function refreshNow(page: Page) {
  await expect.poll(async () => (await status(page)).running, { timeout: 60_000 }).toBe(false);
  await page.getByTestId('refresh-status').getByRole('button', { name: 'Refresh now' }).click();
}

/** One story at one moment: the header's stale count is the Overview's stale card and the Accounts page's. */
async function expectOneStaleCount(page: Page) {
  const { staleCount } = await status(page);
  const header = page.getByTestId('stale-count');
  if (staleCount === 0) await expect(header).toHaveCount(0);
  else await expect(header).toContainText(`${staleCount} account`);
  await expect(page.getByRole('heading', { name: /^Stale accounts/ })).toHaveText(staleCount === 0 ? /^Stale accounts( \(0\))?$/ : `Stale accounts (${staleCount})`);
  return staleCount;
}

async function shots(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await fullPageScreenshot(page, `outage-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.use({ storageState: storageState('owner'), viewport: { width: 1280, height: 900 } });

test.afterEach(async ({ request }) => {
  await faults(request, { error5xxRate: 0, latencyMs: 0, timeoutPaths: [] });
});

test('an exchange outage tells one story on the header, the Overview and Accounts, and recovers', async ({ page, request }) => {
  test.setTimeout(240_000);
  await openPage(page, '/');
  await expect(page.getByTestId('refresh-status')).toContainText(/Data from \d+ (s|min) ago/, { timeout: 60_000 });

  // 1. The exchange answers nothing but 5xx: the refresh fails at the account list.
  await faults(request, { error5xxRate: 1 });
  const before = (await status(page)).lastFinished?.id;
  await refreshNow(page);
  await expect.poll(async () => {
    const { lastFinished } = await status(page);
    return lastFinished?.id !== before ? lastFinished?.status : 'not yet';
  }, { timeout: 60_000 }).toBe('failed');
  const header = page.getByTestId('refresh-status');
  await expect(header).toContainText('last refresh failed');
  await expect(page.getByTestId('refresh-failure')).toContainText('The last refresh failed');
  await expect(page.getByTestId('stale-none-read')).toContainText('could not read any account');
  await expect(page.getByText('Every account was read')).toHaveCount(0);
  const stale = await expectOneStaleCount(page);
  await shots(page, 'failed');

  // 2. The exchange is back but rate-limits the account list: the next attempt waits out Retry-After and
  //    says until when; the failure stays on screen meanwhile (it is not yet a success).
  await faults(request, { error5xxRate: 0, force429: { path: '/sapi/v1/sub-account/list', count: 1, retryAfterSec: 30 } });
  await refreshNow(page);
  const waiting = /Waiting for the exchange until \d\d:\d\d:\d\d UTC/;
  await expect(page.getByTestId('refresh-progress')).toContainText(waiting, { timeout: 15_000 });
  await expect(page.getByTestId('refresh-running')).toContainText(waiting);
  await expect(page.getByText(/0 of 0/)).toHaveCount(0);
  await expect(page.getByTestId('refresh-failure')).toContainText('trying again now');
  await expect(header).toContainText('last refresh failed');
  await expect(page.getByText('Every account was read')).toHaveCount(0);
  expect(await expectOneStaleCount(page)).toBe(stale);
  await shots(page, 'waiting');

  // 3. The wait ends, the refresh succeeds: the failure goes, and the counts still agree everywhere.
  await expect(page.getByTestId('refresh-failure')).toHaveCount(0, { timeout: 90_000 });
  await expect(header).not.toContainText('last refresh failed');
  await expect(page.getByTestId('refresh-running')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('stale-none-read')).toHaveCount(0);
  const after = await expectOneStaleCount(page);
  await shots(page, 'recovered');
  await openPage(page, '/accounts');
  const count = page.getByTestId('accounts-count');
  if (after === 0) await expect(count).not.toContainText('stale');
  else await expect(count).toContainText(`${after} stale`);
});

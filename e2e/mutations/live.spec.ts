import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { screenshot, storageState, openPage } from '../support';

/*
 * Live figures: the simulator's prices move and the Overview and Accounts pages follow without a reload or a
 * refresh. BNB moves up a few per cent only (desk-charlie holds 3,000 BNB against USDT debt): no bar is crossed,
 * so the specs running beside this one see the same statuses; the price is put back at the end.
 */
const sim = `http://127.0.0.1:${process.env.E2E_SIM_PORT}`;

async function bnb(request: APIRequestContext): Promise<number> {
  const state = (await (await request.get(`${sim}/__sim/state`)).json()) as { prices: Record<string, string> };
  return Number(state.prices.BNBUSDT);
}

async function setBnb(request: APIRequestContext, price: number) {
  expect((await request.post(`${sim}/__sim/prices`, { data: { prices: { BNBUSDT: price.toFixed(2) } } })).status()).toBe(200);
}

/** Opens `path` and reloads it until `ready` shows: what the server streams or writes is not on the first render. */
async function openUntilShown(page: Page, path: string, ready: string, timeout: number) {
  await openPage(page, path);
  await expect(async () => {
    if (!(await page.getByTestId(ready).first().isVisible())) await page.reload();
    await expect(page.getByTestId(ready).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout });
}

async function openWhenLive(page: Page, path: string, ready: string) {
  await openUntilShown(page, path, ready, 90_000);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
}

test.use({ storageState: storageState('owner') });

test('the Overview and the Accounts page update while the simulator prices move', async ({ page, request }) => {
  test.setTimeout(180_000);
  const start = await bnb(request);
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openWhenLive(page, '/', 'owe-20');
    const assets = page.getByRole('region', { name: 'Master totals' }).locator('[data-figure]').first();
    const total = await assets.textContent();
    await setBnb(request, start * 1.03);
    await expect(assets).not.toHaveText(total!);
    await expect(page.getByTestId('live-indicator')).toContainText('Live');
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `live-overview-${width}`);
    }

    await page.setViewportSize({ width: 1440, height: 900 });
    await openWhenLive(page, '/accounts', 'account-row');
    const charlie = page.getByTestId('account-row').filter({ hasText: 'desk-charlie' });
    await expect(charlie.getByTestId('live-mark')).toHaveText('live');
    // Its margin level moves with BNB (3,000 BNB held): the row's text changes, in place.
    const before = await charlie.textContent();
    await setBnb(request, start * 1.06);
    await expect(charlie).not.toHaveText(before!);
    await expect(charlie).toHaveAttribute('data-moved', 'true');
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `live-accounts-${width}`);
    }

    // The moves were written for history (at most every 5 s): the account's chart shows them beside its refreshes.
    await page.setViewportSize({ width: 1440, height: 900 });
    await openUntilShown(page, '/accounts/desk-charlie@fundx.example', 'history-live', 60_000);
    const chart = page.getByRole('figure', { name: 'Margin level history' });
    await chart.scrollIntoViewIfNeeded();
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await chart.scrollIntoViewIfNeeded();
      // Points seconds or minutes apart: the time axis's labels still differ from one another.
      const tick = chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
      await expect(tick.nth(1)).toBeVisible(); // the chart re-measures after the resize
      const ticks = await tick.allTextContents();
      expect(new Set(ticks).size, ticks.join(' | ')).toBe(ticks.length);
      await screenshot(page, `live-history-${width}`);
    }

    // A Portfolio Margin Pro account streams too: its pushed uniMMR is charted live beside its refreshes.
    await openUntilShown(page, '/accounts/desk-echo@fundx.example', 'history-live', 60_000);
    const uniMMR = page.getByRole('figure', { name: 'uniMMR history' });
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await uniMMR.scrollIntoViewIfNeeded();
      await screenshot(page, `live-history-pm-${width}`);
    }
  } finally {
    await setBnb(request, start);
  }
});

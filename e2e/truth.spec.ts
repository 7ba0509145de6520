import { expect, test } from '@playwright/test';
import { fullPageScreenshot, storageState, openPage } from './support';

// The exchange's word on the account pages (issue 13): each status with the field it came from.
const pages = [
  { name: 'desk-echo', status: 'Margin call', source: /accountStatus MARGIN_CALL/ },
  { name: 'desk-delta', status: 'Liquidated — loan outstanding', source: /LiquidationLoan \(margin\/liquidation-loan\) outstanding/ },
  { name: 'desk-golf', status: null, source: null },
] as const;

test.use({ storageState: storageState('ops') });

for (const p of pages) {
  test(`${p.name}: the status Binance reports, with its source`, async ({ page }) => {
    await openPage(page, `/accounts/${encodeURIComponent(`${p.name}@fundx.example`)}`);
    await expect(page.getByTestId('rule-reason')).toBeVisible();
    if (p.status) {
      await expect(page.getByTestId('status-source')).toContainText(p.source);
      await expect(page.locator('main')).toContainText(p.status);
    } else {
      // desk-golf's BTCUSDT pair: Binance's marginLevelStatus decides, never a calm "Normal" beside it.
      const pair = page.getByRole('row').filter({ hasText: 'BTCUSDT' });
      await expect(pair.getByText(/Margin call|Near liquidation|Liquidating/)).toBeVisible();
    }
    if (p.name === 'desk-delta') {
      await expect(page.getByTestId('binding-evidence')).toContainText('LiquidationLoan outstanding: 150,000 USDC.');
    }
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await fullPageScreenshot(page, `truth-${p.name}-${width}`);
    }
  });
}

// An asset the app cannot price (issue 13's own example): 40,000 XYZ, which the simulator values at its index but
// lists no ticker for, against 50,000 USDT borrowed. Never zero, never "No debt", and the totals say so.
test('desk-november: an unpriced asset beside a 50,000 USDT debt reads incomplete, never zero', async ({ page }) => {
  await openPage(page, `/accounts/${encodeURIComponent('desk-november@fundx.example')}`);
  const main = page.locator('main');
  await expect(page.getByTestId('status-source')).toContainText(/no price for XYZ; Binance marginLevel 2/);
  await expect(main).toContainText('Incomplete data');
  await expect(page.getByTestId('unpriced')).toContainText('no price for XYZ (held 40,000, owed 0)');
  await expect(page.getByTestId('reported-level')).toContainText('Binance 2.000 (decides the status)');
  await expect(page.getByTestId('rule-reason')).not.toContainText('no key stored');
  await expect(page.getByRole('row').filter({ hasText: 'XYZ' }).getByTestId('unpriced-balance')).toHaveText('? no price: not in the totals');
  await expect(main).toContainText('liabilities ≥ 50,000 USD');
  await expect(page.getByTestId('deficit-bound')).toContainText('at most');
  await expect(main).not.toContainText('No debt');
  await expect(main).not.toContainText('last good data');
  for (const width of [390, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await fullPageScreenshot(page, `truth-desk-november-${width}`);
  }

  await openPage(page, '/');
  const totals = page.getByRole('region', { name: 'Master totals' });
  await expect(totals).toContainText('plus 40,000 XYZ: no price');
  await expect(totals).toContainText(/incomplete: 1 account holds unpriced assets/);
  await expect(page.getByTestId('curve-incomplete')).toContainText('1 account holds assets without a price');
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await fullPageScreenshot(page, `truth-overview-unpriced-${width}`);
  }
});

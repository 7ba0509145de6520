import { expect, test } from '@playwright/test';
import { fullPageScreenshot, storageState } from './support';

// The exchange's word on the account pages (issue 13): each status with the field it came from.
const pages = [
  { name: 'desk-echo', status: 'Margin call', source: /accountStatus MARGIN_CALL/ },
  { name: 'desk-delta', status: 'Liquidated — loan outstanding', source: /LiquidationLoan \(margin\/liquidation-loan\) outstanding/ },
  { name: 'desk-golf', status: null, source: null },
] as const;

test.use({ storageState: storageState('ops') });

for (const p of pages) {
  test(`${p.name}: the status Binance reports, with its source`, async ({ page }) => {
    await page.goto(`/accounts/${encodeURIComponent(`${p.name}@fundx.example`)}`);
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
      await expect(page.getByTestId('binding-evidence')).toContainText('LiquidationLoan outstanding: 150000 USDC.');
    }
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await fullPageScreenshot(page, `truth-${p.name}-${width}`);
    }
  });
}

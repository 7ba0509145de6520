import { expect, test } from '@playwright/test';
import { fullPageScreenshot, openPage, storageState } from '../support';

// Named per-asset scenarios (issue 18; docs/scenarios.md), on the demo's refreshed balances.
test.describe('owner scenarios', () => {
  test.use({ storageState: storageState('owner') });

  test('runs the example, fills in the exchange’s worst moves, saves it under a name and opens it again', async ({ page }) => {
    await openPage(page, '/scenarios');
    const result = page.getByTestId('scenario-result');
    // The example (BTC −30 %, ETH −45 %, others −60 %) runs as the page opens: the demo's bound desks owe in it.
    await expect(result).toContainText('The master could owe (estimate)');
    await expect(result.getByTestId('scenario-account').first()).toContainText(/Owed as a LiquidationLoan|Could be owed/);
    const owedBefore = await result.locator('dd').first().textContent();
    expect(owedBefore).toMatch(/^[1-9][\d,]* USD$/);

    // A milder BTC move owes less.
    const form = page.getByRole('form', { name: 'Scenario' });
    await form.getByLabel('Move of BTC (%)').fill('-5');
    await form.getByLabel('Every other volatile asset (%)').fill('-5');
    await form.getByLabel('Move of ETH (%)').fill('-5');
    await form.getByRole('button', { name: 'Run scenario' }).click();
    await expect(result.locator('dd').first()).not.toHaveText(owedBefore!);

    // Bad input is refused with the reason, and nothing runs.
    await form.getByLabel('Stablecoins (%)').fill('-100');
    await form.getByRole('button', { name: 'Run scenario' }).click();
    await expect(page.locator('main').getByRole('alert')).toContainText('Stablecoins: a shock must be above -100 %');
    await form.getByLabel('Stablecoins (%)').fill('0');

    await form.getByRole('button', { name: 'past 7 days' }).click();
    await expect(page.getByText(/Worst falls read from the exchange’s klines/)).toBeVisible();

    await form.getByLabel('Name').fill('Desk crash (e2e)');
    await form.getByRole('button', { name: 'Save scenario' }).click();
    await expect(page.getByText('Saved “Desk crash (e2e)”.')).toBeVisible();
    const saved = page.locator('[data-testid="saved-scenario"][data-name="Desk crash (e2e)"]');
    await expect(saved).toBeVisible();

    await openPage(page, '/scenarios');
    await saved.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByRole('heading', { name: 'What “Desk crash (e2e)” gives' })).toBeVisible();
    await expect(form.getByLabel('Stablecoins (%)')).toHaveValue('0');
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await fullPageScreenshot(page, `scenarios-owner-${width}`);
    }

    await saved.getByRole('button', { name: 'Delete Desk crash (e2e)' }).click();
    await expect(saved).toHaveCount(0);
  });
});

test.describe('ops scenarios', () => {
  test.use({ storageState: storageState('ops') });

  test('runs a scenario but has nothing to save or delete', async ({ page }) => {
    await openPage(page, '/scenarios');
    await expect(page.getByTestId('scenario-result')).toContainText('The master could owe (estimate)');
    await expect(page.getByRole('button', { name: 'Save scenario' })).toHaveCount(0);
    await expect(page.getByText('Owners save scenarios; you can run any.')).toBeVisible();
  });
});

import { expect, test } from '@playwright/test';
import { demoCredential, fullPageScreenshot, storageState, openPage } from './support';

const CHARLIE = 'desk-charlie@fundx.example';

test.describe('ops review queue', () => {
  test.use({ storageState: storageState('ops'), viewport: { width: 1440, height: 900 } });

  test('an account is due until reviewed; a review with an OK-until date takes it off the queue and the account page compares with it', async ({ page }) => {
    test.setTimeout(120_000);
    await openPage(page, '/');
    const due = page.getByTestId('review-due');
    await expect(due).toContainText(/\d+ of 14 accounts due for review/);
    await due.click();
    await expect(page).toHaveURL(/\/accounts\?review=due$/);
    const charlieRow = page.getByTestId('account-row').filter({ hasText: CHARLIE });
    await expect(charlieRow.getByTestId('review-cell')).toHaveAttribute('data-state', 'never');
    await expect(charlieRow.getByTestId('review-cell')).toContainText('never reviewed');

    await charlieRow.getByRole('link', { name: CHARLIE }).click();
    await expect(page.getByTestId('review-changes')).toContainText('Never reviewed');
    const form = page.getByRole('form', { name: 'Add a review note' });
    await form.getByLabel('Note').fill('Daily review: long collateral only, nothing borrowed against it that worries us.');
    // A day typed the ambiguous way is refused before anything is sent; the unambiguous one is read back with its ISO form.
    const until = form.getByLabel('OK until (optional)');
    await until.fill('01/31/2099');
    await expect(form.getByTestId('date-read-as')).toHaveText('Not a day: try 1 Dec 2026');
    await expect(form.getByRole('button', { name: 'Save note' })).toBeDisabled();
    await until.fill('31 Jan 2099');
    await expect(form.getByTestId('date-read-as')).toHaveText('31 Jan 2099 · 2099-01-31');
    await form.getByRole('button', { name: 'Save note' }).click();
    await expect(page.getByTestId('review-changes')).toContainText(`Last reviewed by ${demoCredential('ops').email}`);
    await expect(page.getByTestId('review-changes')).toContainText('still covered until 31 Jan 2099');
    await expect(page.getByTestId('review-changes')).toContainText('Nothing has changed since that review.');
    await fullPageScreenshot(page, 'review-charlie-reviewed');

    await openPage(page, '/accounts');
    const cell = page.getByTestId('account-row').filter({ hasText: CHARLIE }).getByTestId('review-cell');
    await expect(cell).toHaveAttribute('data-state', 'ok');
    await expect(cell).toContainText('OK until 31 Jan 2099');
    await expect(cell).toContainText('ops · ');
    await openPage(page, '/accounts?review=due');
    await expect(page.getByTestId('account-row').first()).toBeVisible();
    await expect(page.getByTestId('account-row').filter({ hasText: CHARLIE })).toHaveCount(0);
  });
});

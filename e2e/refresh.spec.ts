import { expect, test } from '@playwright/test';
import { screenshot, storageState, openPage } from './support';

for (const role of ['owner', 'ops'] as const) {
  test.describe(`${role} refresh`, () => {
    test.use({ storageState: storageState(role) });

    test('"Refresh now" reads the exchange again and shows how old the data is', async ({ page }) => {
      await openPage(page, '/');
      const status = page.getByTestId('refresh-status');
      // The start-up refresh has run (or runs now): the header says how old the data is.
      await expect(status).toContainText(/Data from \d+ (s|min) ago/, { timeout: 30_000 });
      const before = await page.request.get('/api/refresh').then((r) => r.json());
      await status.getByRole('button', { name: 'Refresh now' }).click();
      // Wait for a run newer than the one before the click to finish (a scheduled run may start meanwhile:
      // the newest is then that one, and it is waited for too). The old data's age is on screen throughout.
      let finished: { status: string; accountsDone: number; accountsTotal: number } | null = null;
      await expect
        .poll(async () => {
          const { newest } = await page.request.get('/api/refresh').then((r) => r.json());
          // A run already going at the click (a scheduled one) is the run the click waits for instead.
          const fresh = newest.id !== before.newest.id || before.newest.status === 'running';
          finished = fresh && newest.status !== 'running' ? newest : null;
          return finished?.status ?? 'not finished';
        }, { timeout: 30_000 })
        .toBe('ok');
      expect(finished!.accountsDone).toBe(finished!.accountsTotal);
      await expect(status).toContainText(/Data from \d+ s ago/, { timeout: 30_000 });
      if (role === 'owner') await screenshot(page, 'header-refresh');
    });
  });
}

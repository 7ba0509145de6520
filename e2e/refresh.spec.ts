import { expect, test } from '@playwright/test';
import { screenshot, storageState } from './support';

for (const role of ['owner', 'ops'] as const) {
  test.describe(`${role} refresh`, () => {
    test.use({ storageState: storageState(role) });

    test('"Refresh now" reads the exchange again and shows how old the data is', async ({ page }) => {
      await page.goto('/');
      const status = page.getByTestId('refresh-status');
      // The start-up refresh has run (or runs now): the header says how old the data is.
      await expect(status).toContainText(/Data from \d+ (s|min) ago/, { timeout: 30_000 });
      const before = await page.request.get('/api/refresh').then((r) => r.json());
      await status.getByRole('button', { name: 'Refresh now' }).click();
      await expect
        .poll(async () => (await page.request.get('/api/refresh').then((r) => r.json())).newest.id, { timeout: 20_000 })
        .not.toBe(before.newest.id);
      await expect(status).toContainText(/Data from \d+ s ago/, { timeout: 30_000 });
      const after = await page.request.get('/api/refresh').then((r) => r.json());
      expect(after.newest.status).toBe('ok');
      expect(after.newest.accountsDone).toBe(after.newest.accountsTotal);
      if (role === 'owner') await screenshot(page, 'header-refresh');
    });
  });
}

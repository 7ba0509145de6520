import { expect, test as setup } from '@playwright/test';
import { demoCredential, signIn, storageState } from './support';

for (const role of ['owner', 'ops'] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const cred = demoCredential(role);
    await signIn(page, cred.email, cred.password);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('user-email')).toHaveText(cred.email);
    await page.context().storageState({ path: storageState(role) });
  });
}

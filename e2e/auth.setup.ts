import { expect, test as setup } from '@playwright/test';
import { demoCredential, signIn, stepUp, storageState } from './support';

for (const role of ['owner', 'ops'] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const cred = demoCredential(role);
    await signIn(page, cred.email, cred.password);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('user-email')).toHaveText(cred.email);
    // The owner's session proves its second factor with a code computed from the demo secret; specs that act
    // later prove it again when this proof has grown old (docs/security.md, "Second factor").
    if (role === 'owner') await stepUp(page);
    await page.context().storageState({ path: storageState(role) });
  });
}

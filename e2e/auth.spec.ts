import { expect, test } from '@playwright/test';
import { demoCredential, expectShell, screenshot, signIn, storageState, openPage } from './support';

test.describe('anonymous', () => {
  test('a page request is sent to /login', async ({ page }) => {
    await openPage(page, '/accounts');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('a wrong password shows an error and stays on /login', async ({ page }) => {
    await signIn(page, demoCredential('owner').email, 'not-the-password');
    await expect(page.getByTestId('login-error')).toHaveText('Email or password is incorrect.');
    await expect(page).toHaveURL(/\/login/);
  });

  test('failures slow sign-in down but never lock it: five wrong passwords, then the right one signs in', async ({ page }) => {
    const cred = demoCredential('ops');
    for (let i = 0; i < 5; i++) {
      await signIn(page, cred.email, `wrong-${i}`);
      await expect(page.getByTestId('login-error')).toHaveText('Email or password is incorrect.');
    }
    await signIn(page, cred.email, cred.password);
    await expectShell(page, 'ops');
  });

  test('sign-in then sign-out', async ({ page }) => {
    const cred = demoCredential('ops');
    await signIn(page, cred.email, cred.password);
    await expectShell(page, 'ops');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await openPage(page, '/');
    await expect(page).toHaveURL(/\/login/);
  });
});

for (const role of ['owner', 'ops'] as const) {
  test.describe(`${role} shell`, () => {
    test.use({ storageState: storageState(role) });

    test(`sees the shell with the ${role} role`, async ({ page }) => {
      await openPage(page, '/');
      await expectShell(page, role);
      for (const item of ['Overview', 'Accounts', 'Keys', 'Exit', 'Audit', 'Settings']) {
        await expect(page.getByRole('link', { name: item, exact: true })).toBeVisible();
      }
      await screenshot(page, `shell-${role}`);
    });
  });
}

test.describe('audit page', () => {
  test.use({ storageState: storageState('owner') });

  test('lists sign-ins and filters by action', async ({ page }) => {
    await openPage(page, '/audit');
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    // One sentence per entry; the action it records is on the entry, so the filter can be checked exactly.
    const entries = (action: string) => page.locator(`[data-testid="audit-entry"][data-action="${action}"]`);
    await expect(entries('auth.signin').first()).toContainText('signed in.');
    await page.getByLabel('Action').selectOption({ label: 'Failed sign-in' });
    await expect(entries('auth.signin')).toHaveCount(0);
    await expect(entries('auth.signin_fail').first()).toContainText(/failed to sign in as \S+@\S+ \(wrong email or password\)\./);
    await page.getByLabel('From', { exact: true }).fill('2000-01-01');
    await page.getByLabel('To', { exact: true }).fill('2000-01-02');
    await expect(page.getByText('No audit entries match')).toBeVisible();
    await screenshot(page, 'audit-owner');
  });
});

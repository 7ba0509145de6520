import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { openPage, screenshot, storageState } from './support';

// docs/security.md, "Second factor": enrolment on Settings → Security. The ops user has none in the demo, and no
// action of ops needs one, so enrolling it here changes nothing another spec relies on.
test.describe('second factor', () => {
  test.use({ storageState: storageState('ops'), viewport: { width: 1024, height: 900 } });

  test('a user sets up an authenticator from the secret shown as text; a wrong code is refused first', async ({ page }) => {
    await openPage(page, '/settings/security');
    const panel = page.getByTestId('second-factor');
    await expect(panel).toContainText('No authenticator is set up');
    await panel.getByRole('button', { name: 'Set up an authenticator' }).click();
    const secret = (await panel.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await screenshot(page, 'second-factor-enrol', false);

    const form = page.getByRole('form', { name: 'Set up an authenticator' });
    const code = await generate({ secret });
    await form.getByLabel('Code from the app').fill(code === '000000' ? '111111' : '000000');
    await form.getByRole('button', { name: 'Confirm the authenticator' }).click();
    await expect(form.getByRole('alert')).toContainText('not the current code');

    await form.getByLabel('Code from the app').fill(await generate({ secret }));
    await form.getByRole('button', { name: 'Confirm the authenticator' }).click();
    await expect(panel).toContainText('An authenticator is set up');
    await expect(page.getByTestId('step-up-fresh')).toContainText('This session is confirmed until');
    await screenshot(page, 'second-factor-enrolled', false);
  });
});

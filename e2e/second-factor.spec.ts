import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { demoCredential, fullPageScreenshot, openPage, screenshot, signIn, storageState } from './support';

// docs/security.md, "Second factor" and "Recovery": enrolment on Settings → Security, then a lost authenticator
// replaced with a recovery code as the proof. The ops user has none in the demo, and no
// action of ops needs one, so enrolling it here changes nothing another spec relies on.
test.describe('second factor', () => {
  test.use({ storageState: storageState('ops'), viewport: { width: 1024, height: 900 } });

  test('a user sets up an authenticator from the secret shown as text; a wrong code is refused first; a recovery code replaces it', async ({ page }) => {
    // Two sign-ins, two enrolments and three full-page shots: more than the default 30 s on a loaded machine.
    test.setTimeout(90_000);
    await openPage(page, '/settings/security');
    // Opened at 127.0.0.1, as the demo often is: passkeys cannot work on an IP address, and the page says where they do.
    const unavailable = page.getByTestId('passkeys-unavailable');
    await expect(unavailable).toContainText('Browsers refuse passkeys on an IP address (127.0.0.1)');
    const there = `http://localhost:${process.env.E2E_PORT}`;
    await expect(unavailable.getByRole('link', { name: `Open Settings → Security at ${there}` })).toHaveAttribute('href', `${there}/settings/security`);
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
    // The first factor comes with ten recovery codes, shown once.
    const shown = page.getByTestId('recovery-codes-shown');
    const codes = (await shown.getByRole('listitem').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await screenshot(page, 'second-factor-enrolled', false);
    await shown.getByRole('button', { name: 'I have saved them' }).click();
    await expect(shown).toHaveCount(0);
    await expect(page.getByTestId('recovery-codes')).toContainText('10 of 10');

    // The phone is lost. A new sign-in replaces the authenticator with a recovery code as the proof.
    await page.context().clearCookies();
    const ops = demoCredential('ops');
    await signIn(page, ops.email, ops.password);
    await expect(page.getByTestId('user-email')).toHaveText(ops.email);
    await openPage(page, '/settings/security');
    await panel.getByRole('button', { name: 'Replace the authenticator' }).click();
    const prompt = page.getByTestId('step-up-prompt');
    await prompt.getByRole('button', { name: /Use a recovery code/ }).click();
    await prompt.getByLabel('Recovery code').fill(codes[0]!);
    await prompt.getByRole('button', { name: 'Use the recovery code' }).click();
    await expect(panel).toContainText('keeps working until this one’s first code is confirmed');
    const replacement = (await panel.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(replacement).not.toBe(secret);
    await form.getByLabel('Code from the app').fill(await generate({ secret: replacement }));
    await form.getByRole('button', { name: 'Confirm the authenticator' }).click();
    await expect(panel).toContainText('The authenticator is confirmed');
    await expect(page.getByTestId('recovery-codes')).toContainText('9 of 10');
    for (const width of [390, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await fullPageScreenshot(page, `second-factor-recovered-${width}`);
    }
  });
});

import { expect, test } from '@playwright/test';
import { claimOwnerCode, demoCredential, fullPageScreenshot, openPage, screenshot, signIn } from './support';

// docs/security.md, "Second factor": a passkey enrolled on Settings → Security and then used to step up, with
// Chromium's virtual authenticator. Passkeys are bound to the app's configured address, which for a loopback
// server is `localhost` (browsers refuse an IP address), so this spec opens the app there, in its own sign-in.
test.use({ baseURL: `http://localhost:${process.env.E2E_PORT}`, storageState: { cookies: [], origins: [] } });

test('the owner adds a passkey (after a code), then steps up with it to remove it', async ({ page }) => {
  // Adding a passkey first asks for the authenticator's code, which may mean waiting for its next time step.
  test.setTimeout(120_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  const owner = demoCredential('owner');
  await signIn(page, owner.email, owner.password);
  await expect(page.getByTestId('user-email')).toHaveText(owner.email);

  await openPage(page, '/settings/security');
  const card = page.getByTestId('passkeys');
  await expect(card).toContainText('No passkey is set up yet');
  await card.getByLabel('Name').fill('Desk laptop');
  await card.getByRole('button', { name: 'Add a passkey' }).click();
  // The owner already has an authenticator app: adding a factor needs a proof with it first.
  const prompt = page.getByTestId('step-up-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Use passkey' })).toHaveCount(0);
  await prompt.getByLabel('6-digit code').fill(await claimOwnerCode());
  await prompt.getByRole('button', { name: 'Confirm and continue' }).click();
  await expect(card.getByTestId('passkey')).toHaveCount(1);
  await expect(card.getByTestId('passkey')).toContainText('Desk laptop');
  await expect(card.getByTestId('passkey')).toContainText('not used yet');
  expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toHaveLength(1);
  for (const width of [390, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await fullPageScreenshot(page, `passkeys-settings-${width}`);
  }

  // A new sign-in has no proof: removing the passkey asks for one, and the passkey itself gives it.
  await page.context().clearCookies();
  await signIn(page, owner.email, owner.password);
  await expect(page.getByTestId('user-email')).toHaveText(owner.email);
  await openPage(page, '/settings/security');
  await expect(page.getByTestId('step-up-fresh')).toContainText('no recent proof');
  await card.getByTestId('passkey').getByRole('button', { name: 'Remove' }).click();
  await card.getByRole('button', { name: 'Remove the passkey' }).click();
  await expect(prompt.getByRole('button', { name: 'Use passkey' })).toBeVisible();
  await screenshot(page, 'passkeys-step-up-prompt', false);
  await prompt.getByRole('button', { name: 'Use passkey' }).click();
  await expect(card).toContainText('No passkey is set up yet');
  await expect(page.getByTestId('step-up-fresh')).toContainText('This session is confirmed until');
  const [credential] = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  expect(credential!.signCount).toBeGreaterThan(0);
});

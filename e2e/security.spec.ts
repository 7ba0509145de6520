import { expect, test } from '@playwright/test';
import { demoCredential, ownPage, signIn, storageState } from './support';

// The browser-level half of docs/security.md; app/api/route-origin.test.ts walks every route.
test.describe('owner signed in', () => {
  test.use({ storageState: storageState('owner') });

  test('forged requests carrying the owner cookie are refused and record nothing', async ({ page, baseURL }) => {
    const recorded = async () =>
      ((await (await page.request.get('/api/audit?action=terms.record&pageSize=1')).json()) as { total: number }).total;
    const before = await recorded();
    const data = { signedOn: '2025-01-01', note: 'forged' };
    const forgeries: Record<string, string>[] = [
      { origin: 'http://attacker.example', 'content-type': 'application/json' },
      { 'content-type': 'application/json' },
      { origin: 'null', 'content-type': 'application/json' },
      { origin: baseURL!, 'content-type': 'text/plain' },
    ];
    for (const headers of forgeries) {
      const res = await page.request.put('/api/terms', { headers, data: JSON.stringify(data) });
      expect([403, 415], JSON.stringify(headers)).toContain(res.status());
    }
    // A server action (sign-out) posted from another origin is refused before Next runs it.
    const action = await page.request.post('/', { headers: { origin: 'http://attacker.example', 'next-action': 'sign-out' }, data: '[]' });
    expect(action.status()).toBe(403);
    expect(await recorded()).toBe(before);
    // The owner is still signed in: the forged sign-out did nothing.
    const session = (await (await page.request.get('/api/auth/session')).json()) as { user?: { role: string } };
    expect(session.user?.role).toBe('owner');
  });

  test('the session cookie is SameSite=Strict and httpOnly', async ({ page }) => {
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
    expect(cookie).toMatchObject({ sameSite: 'Strict', httpOnly: true });
  });

  test('pages and API answers carry the security headers; scripts run under the nonce CSP', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const res = await page.goto('/keys');
    const headers = res!.headers();
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['strict-transport-security']).toBeUndefined();
    // The page hydrated (a client-side control works), so the nonce reached Next's scripts.
    await expect(page.getByRole('button', { name: 'Create special key' }).first()).toBeVisible();
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await expect(page).toHaveURL(/\/accounts$/);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);

    const api = await page.request.get('/api/overview');
    expect(api.headers()).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
    expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

test('after sign-out the old cookie is worthless: 401 on an owner action, no session', async ({ browser, playwright, baseURL }) => {
  const cred = demoCredential('owner');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, cred.email, cred.password);
  await expect(page.getByTestId('user-email')).toHaveText(cred.email);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'))!;
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.close();

  // Someone who copied the cookie before the sign-out replays it.
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
  expect((await replay.put('/api/terms', { headers: ownPage, data: { signedOn: '2025-01-01', note: '' } })).status()).toBe(401);
  expect(await (await replay.get('/api/auth/session')).json()).toBeNull();
  await replay.dispose();
});

import { closeSync, openSync, readFileSync } from 'node:fs';
import { generate } from 'otplib';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';

export interface DemoCredential {
  email: string;
  password: string;
  role: 'owner' | 'ops';
  /** The demo owner's authenticator secret (docs/security.md, "Second factor"). */
  totpSecret?: string;
}

export function dataDir(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is set by playwright.config.ts');
  return dir;
}

/** The demo users `npm start` seeded into this run's fresh data folder. */
export function demoCredential(role: 'owner' | 'ops'): DemoCredential {
  const all = JSON.parse(readFileSync(path.join(dataDir(), 'demo-credentials.json'), 'utf8')) as DemoCredential[];
  const found = all.find((c) => c.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
}

export const storageState = (role: 'owner' | 'ops') => path.join('e2e', '.auth', `${role}.json`);

export async function signIn(page: Page, email: string, password: string) {
  await openPage(page, '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Opens a page and waits until React has hydrated it (components/providers.tsx marks <html>): a click on a
 * server-rendered button before then is lost, which made a CI run time out waiting for a form that never opened.
 */
export async function openPage(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
}

export async function screenshot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: path.join('test-results', 'screenshots', `${name}.png`), fullPage });
}

/** The dashboard scrolls inside <main>, so a full-page shot needs a viewport as tall as the content. */
export async function fullPageScreenshot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  const height = await page.evaluate(() => document.querySelector('main')!.scrollHeight + document.querySelector('main')!.getBoundingClientRect().top);
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  await screenshot(page, name);
  await page.setViewportSize(viewport);
}

export async function expectShell(page: Page, role: 'owner' | 'ops') {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByTestId('role-badge')).toHaveText(role === 'owner' ? 'Owner' : 'Ops (review only)');
}

/**
 * The headers our own pages send with a state-changing API request. Playwright's `page.request` sends no
 * `Origin`, and the app refuses a state-changing request without ours (docs/security.md).
 */
export const ownPage = { origin: `http://127.0.0.1:${process.env.E2E_PORT}`, 'content-type': 'application/json' } as const;

const TOTP_STEP_MS = 30_000;

/**
 * A code from the demo owner's authenticator that no other test of this run has used: the server accepts each
 * time step once, and two workers share the owner. Each step is claimed by creating a file in the run's data
 * folder (atomic across workers); a step already claimed waits for the next one.
 */
export async function claimOwnerCode(): Promise<string> {
  const secret = demoCredential('owner').totpSecret;
  if (!secret) throw new Error('the demo owner has no authenticator secret');
  for (;;) {
    const step = Math.floor(Date.now() / TOTP_STEP_MS);
    try {
      closeSync(openSync(path.join(dataDir(), `totp-step-${step}`), 'wx'));
      return generate({ secret, epoch: step * (TOTP_STEP_MS / 1000) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await expect.poll(() => Math.floor(Date.now() / TOTP_STEP_MS), { timeout: TOTP_STEP_MS + 5_000, intervals: [500] }).toBeGreaterThan(step);
    }
  }
}

/**
 * Proves the owner's session with a code through the API, as the step-up section of an action's dialog would,
 * unless it was proven within the last few minutes: actions on the exchange and the connections need a proof under
 * 5 minutes old. A spec that walks the step-up itself uses `confirmInDialog` instead.
 */
export async function stepUp(page: Page) {
  const status = (await (await page.request.get('/api/second-factor')).json()) as { freshUntil: string | null };
  if (status.freshUntil && Date.parse(status.freshUntil) - Date.now() > 240_000) return;
  // A fresh code may mean waiting for the authenticator's next time step (up to 30 s, or two when a claimed code arrives late): that wait is the
  // authenticator's, not the app's, so it is added to the test's budget rather than eating into it.
  test.info().setTimeout(test.info().timeout + 2 * TOTP_STEP_MS + 10_000);
  // A code claimed just before another worker's next one may arrive after it and be refused as old: claim again.
  await expect(async () => {
    const res = await page.request.post('/api/second-factor', { headers: ownPage, data: { code: await claimOwnerCode() } });
    expect(res.status(), await res.text()).toBe(200);
  }).toPass({ timeout: 120_000, intervals: [1_000] });
}

/**
 * Answers the step-up section an action's dialog shows in place of its content when the action was refused for
 * want of a recent second factor (docs/security.md, "Second factor"), with an owner's code no other test has used,
 * and waits for the section to give way to the action sent again.
 */
export async function confirmInDialog(dialog: Locator) {
  const section = dialog.getByTestId('step-up-prompt');
  await expect(section).toBeVisible();
  test.info().setTimeout(test.info().timeout + 2 * TOTP_STEP_MS + 10_000);
  // Another worker may use the owner's code of the moment: claim one no test has used.
  await expect(async () => {
    await section.getByLabel('6-digit code').fill(await claimOwnerCode());
    await section.getByRole('button', { name: 'Confirm and continue' }).click();
    await expect(section).toHaveCount(0, { timeout: 15_000 });
  }).toPass({ timeout: 120_000 });
}

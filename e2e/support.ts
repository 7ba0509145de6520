import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface DemoCredential {
  email: string;
  password: string;
  role: 'owner' | 'ops';
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

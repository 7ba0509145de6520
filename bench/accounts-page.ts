/**
 * Accounts page in the browser (issue 6): how soon after navigation the first rows of 1,000 sub-accounts
 * show, beside the audit page (a light page of the same app) in the same run, so the ratio says what the
 * accounts list itself costs whatever the machine's load. Not a test: it prints figures (README "Performance").
 *   npx tsx bench/accounts-page.ts [--subs 1000] [--runs 7] [--port 3415] [--sim-port 3416]
 * Uses Debian's Chromium (CHROMIUM_PATH to change it); builds the app when the sources changed.
 */
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { signIn, startLargeDemo, waitForRefresh } from './large-demo';

const { values } = parseArgs({
  options: {
    subs: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '7' },
    port: { type: 'string', default: '3415' },
    'sim-port': { type: 'string', default: '3416' },
  },
});
const subs = Number(values.subs);
const runs = Number(values.runs);
const GOAL_MS = 1500;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from navigation start to `ready` being visible (from the overview, as a user arrives). */
async function timeTo(page: Page, path: string, ready: string): Promise<number> {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  const started = Date.now();
  await page.goto(path);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

const app = await startLargeDemo({ subs, port: Number(values.port), simPort: Number(values['sim-port']), build: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const cookie = await signIn(app.url, app.credentials.find((c) => c.role === 'ops')!);
  await waitForRefresh(app.url, cookie, subs);
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1440, height: 900 } });
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: app.url }]);
  const page = await context.newPage();
  // One untimed visit of each: the first compiles nothing (a production build) but warms the server's caches.
  await timeTo(page, '/accounts', '[data-testid="account-row"]');
  await timeTo(page, '/audit', '[data-testid="audit-entry"]');
  const accounts: number[] = [];
  const audit: number[] = [];
  for (let i = 0; i < runs; i++) {
    accounts.push(await timeTo(page, '/accounts', '[data-testid="account-row"]'));
    audit.push(await timeTo(page, '/audit', '[data-testid="audit-entry"]'));
  }
  const a = median(accounts);
  const b = median(audit);
  console.log(`accounts page, ${subs} sub-accounts: first rows ${a} ms after navigation (median of ${runs}; goal ${GOAL_MS} ms)`);
  console.log(`audit page (reference): first entries ${b} ms; accounts / audit = ${(a / b).toFixed(2)}`);
  console.log(`all accounts runs: ${accounts.join(', ')} ms`);
} finally {
  await browser.close();
  await app.stop();
}

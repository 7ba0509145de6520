import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Response } from '@playwright/test';
import { storageState, openPage } from './support';

type Scenario = { master: { email: string }; subAccounts: { email: string }[] };

/** Every `apiKey` in the demo scenario: the master's, the sub-accounts', live and deleted special keys. */
function apiKeysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) apiKeysIn(v, found);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'apiKey' && typeof v === 'string') found.add(v);
      else apiKeysIn(v, found);
    }
  return found;
}

const scenario = JSON.parse(readFileSync(path.join('sim', 'scenarios', 'demo.json'), 'utf8')) as Scenario;
const keys = [...apiKeysIn(scenario)];
// `/settings` only redirects to its connections section.
const PAGES = ['/', '/accounts', '/keys', '/exit', '/audit', '/alerts', '/settings/connections', '/settings/alerts'];

// docs/security.md, "Key fingerprints"; app/api/route-ops-keys.test.ts walks the API routes the same way.
test.describe('ops', () => {
  test.use({ storageState: storageState('ops') });

  test('no page ops can open, nor any answer it loads, carries a demo API key', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    expect(keys.length).toBeGreaterThan(20);
    // The JSON answers the pages fetch as they load (the live stream's first event is checked by the route walk).
    const bodies: Promise<[string, string]>[] = [];
    page.on('response', (r: Response) => {
      if (!r.url().startsWith(`${baseURL}/api/`) || !r.headers()['content-type']?.includes('application/json')) return;
      bodies.push(r.text().then((t) => [r.url(), t] as [string, string], () => [r.url(), ''] as [string, string]));
    });
    const accountPages = scenario.subAccounts.map((a) => `/accounts/${encodeURIComponent(a.email)}`);
    for (const url of [...PAGES, ...accountPages]) {
      const res = await page.goto(url);
      expect(res!.status(), url).toBeLessThan(500);
      const html = (await res!.text()) + (await page.content());
      for (const key of keys) expect(html.includes(key), `${url} carries …${key.slice(-4)}`).toBe(false);
    }
    // An account page that lists special keys shows their fingerprints: the check above is not vacuous.
    await openPage(page, `/accounts/${encodeURIComponent('desk-juliet@fundx.example')}`);
    await expect(page.getByText(/^••••[A-Za-z0-9]{4}$/).first()).toBeVisible();
    const answers = await Promise.all(bodies);
    expect(answers.filter(([, t]) => t.length > 0).length).toBeGreaterThan(0);
    for (const [url, text] of answers) for (const key of keys) expect(text.includes(key), `${url} carries …${key.slice(-4)}`).toBe(false);
  });
});

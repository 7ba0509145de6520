import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoCredential, fullPageScreenshot, ownPage, storageState, openPage } from './support';

test.describe('audit log', () => {
  test.use({ storageState: storageState('ops'), viewport: { width: 1440, height: 900 } });

  test('reads as sentences, records a refused attempt, filters by action and exports what is shown as CSV and JSON', async ({ page }) => {
    test.setTimeout(90_000);
    const ops = demoCredential('ops').email;
    // Ops may not record the terms: the refusal itself is recorded. Sent as our own page sends it, so it is
    // refused for the permission (forbidden), not earlier for a missing Origin (cross_origin, never audited).
    const refusal = await page.request.put('/api/terms', { headers: ownPage, data: { signedOn: '2025-01-01', note: '' } });
    expect(refusal.status()).toBe(403);
    expect(((await refusal.json()) as { error: { code: string } }).error.code).toBe('forbidden');

    await openPage(page, '/audit');
    await expect(page.getByTestId('audit-entry').first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'Audit entries' })).toContainText(/signed in\./);
    await page.getByLabel('Action').selectOption({ label: 'Refused attempt' });
    const refused = page.getByTestId('audit-entry').filter({ hasText: 'PUT /api/terms' });
    await expect(refused.first()).toContainText(`${ops} was refused PUT /api/terms (needs terms.write).`);
    await expect(refused.first().locator('time')).toHaveText(/^\d{2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} UTC$/);
    await page.getByLabel('Actor email').fill(ops);
    await expect(page.getByTestId('audit-entry').first()).toBeVisible();
    await fullPageScreenshot(page, 'audit-refused-ops');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('"time (UTC, ISO)",time,actor,role,action,what happened,target,before,after,request id');
    expect(csv.length).toBeGreaterThan(1);
    expect(csv.slice(1).every((line) => line.includes(',access.refused,'))).toBe(true);
    expect(csv.some((line) => line.includes('was refused PUT /api/terms (needs terms.write).'))).toBe(true);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export JSON' }).click()]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { entries: { action: string; actorEmail: string; target: string }[]; truncated: boolean };
    expect(json.truncated).toBe(false);
    expect(json.entries.length).toBe(csv.length - 1);
    expect(json.entries.every((e) => e.action === 'access.refused' && e.actorEmail === ops)).toBe(true);
    expect(json.entries.map((e) => e.target)).toContain('PUT /api/terms');
  });
});

import { expect, test, type Page } from '@playwright/test';
import { screenshot, storageState, openPage } from './support';

// Every page at a phone, a small laptop, a common laptop and a wide screen (issue 17's widths).
const WIDTHS = [390, 1024, 1366, 1920];
const PAGES = [
  { path: '/', name: 'overview', figures: true },
  { path: '/accounts', name: 'accounts', figures: false },
  { path: '/accounts/desk-echo@fundx.example', name: 'account', figures: true },
  { path: '/keys', name: 'keys', figures: false },
  { path: '/exit', name: 'exit', figures: false },
  { path: '/scenarios', name: 'scenarios', figures: true },
  { path: '/audit', name: 'audit', figures: false },
  { path: '/settings/connections', name: 'connections', figures: false },
];

/** Sideways scrolling of the page (or of <main>, which scrolls the dashboard) and figures shown cut off. */
function layoutFaults(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const figures = [...document.querySelectorAll<HTMLElement>('[data-figure]')].filter((f) => f.offsetParent !== null);
    return {
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      mainOverflow: main.scrollWidth - main.clientWidth,
      clipped: figures.filter((f) => f.scrollWidth > f.clientWidth).map((f) => f.textContent),
      figures: figures.length,
    };
  });
}

/**
 * Text slips a reader noticed before (issue 17), wherever they could come back: a count with the wrong noun, a sign
 * standing apart from its digits, an exchange string shown raw, a glyph that renders as an empty box.
 */
async function textSlips(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  const slips: [RegExp, string][] = [
    [/(?<![\d,.])1 (entries|accounts|keys|special keys|refreshes|errors|alerts)\b/, 'a count of 1 with a plural noun'],
    [/[a-z]{2,}\(s\)/, 'a "(s)" plural'],
    [/− \d/, 'a minus sign apart from its digits'],
    [/\d\.\d*0{4,}\b/, 'an exchange decimal shown raw'],
    [/\b\d{5,}(\.\d+)? [A-Z]{2,6}\b/, 'an amount without grouping'],
    [/[⚠⏱§⟳✓✗]/u, 'a typographic glyph used as an icon'],
    [/\b\d{4}-\d{2}-\d{2}T\d{2}:/, 'an ISO timestamp'],
  ];
  return slips.filter(([re]) => re.test(text)).map(([re, what]) => `${what}: ${text.match(re)![0]}`);
}

for (const role of ['owner', 'ops'] as const) {
  test.describe(`${role} layout`, () => {
    test.use({ storageState: storageState(role), viewport: { width: WIDTHS[0]!, height: 900 } });

    for (const p of PAGES) {
      test(`${p.name} fits 390 to 1920 px without sideways scrolling or a clipped figure`, async ({ page }) => {
        test.setTimeout(120_000);
        await openPage(page, p.path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // The demo's first refresh may still be landing: the figures pages reload until they show figures.
        if (p.figures)
          await expect(async () => {
            if (!(await page.locator('[data-figure]').first().isVisible())) await page.reload();
            await expect(page.locator('[data-figure]').first()).toBeVisible({ timeout: 3_000 });
          }).toPass({ timeout: 90_000 });
        expect(await textSlips(page), `${p.path}`).toEqual([]);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          // Charts and virtualized rows re-measure after a resize: wait until the layout settles without a fault.
          await expect.poll(() => layoutFaults(page), { message: `${p.path} at ${width} px` }).toMatchObject({ pageOverflow: 0, mainOverflow: 0, clipped: [] });
          if (p.figures) expect((await layoutFaults(page)).figures).toBeGreaterThan(0);
          // The first screen at each width (cheap enough for every run); the overview spec keeps full-page shots.
          await screenshot(page, `layout-${role}-${p.name}-${width}`, false);
        }
      });
    }
  });
}

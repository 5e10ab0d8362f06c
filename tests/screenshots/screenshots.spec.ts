import path from 'node:path';
import { test } from '@playwright/test';
import { pageTour, THEMES, WIDTHS, type PageTour } from '../e2e/pages';

/** `npm run screenshots`: every page of the tour at both widths, in both themes, into .screenshots/. */
const OUT = path.resolve('.screenshots');
let tour: PageTour;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  tour = await pageTour(browser, path.join(OUT, '.states'));
});

test.afterAll(async () => {
  await tour.cleanup();
});

test('screenshots of every page at both widths in both themes', async ({ browser }) => {
  test.setTimeout(600_000);
  for (const [widthName, viewport] of Object.entries(WIDTHS))
    for (const theme of THEMES)
      for (const who of ['anonymous', 'admin', 'alice', 'bob'] as const) {
        const pages = tour.pages.filter((p) => p.who === who);
        if (pages.length === 0) continue;
        const context = await browser.newContext({ viewport, colorScheme: theme, storageState: tour.states[who] });
        const page = await context.newPage();
        for (const target of pages) {
          await page.goto(target.path);
          await page.waitForLoadState('networkidle');
          const file = path.join(OUT, `${target.name}-${widthName}-${theme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(`screenshot: ${path.relative(process.cwd(), file)}`);
        }
        await context.close();
      }
});

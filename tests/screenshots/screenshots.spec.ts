import path from 'node:path';
import { test } from '@playwright/test';
import { pageTour, visitEveryPage, type PageTour } from '../e2e/pages';

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
  await visitEveryPage(browser, tour, async (page, target, { width, theme }) => {
    await page.goto(target.path);
    await page.waitForLoadState('networkidle');
    const file = path.join(OUT, `${target.name}-${width}-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot: ${path.relative(process.cwd(), file)}`);
  });
});

import path from 'node:path';
import { expect, test } from '@playwright/test';
import { checkPage, pageTour, visitEveryPage, WIDTHS, type PageTour } from './pages';

/**
 * Every page, at 1280x800 and 390x844, in light and dark (the system setting): no serious or
 * critical axe violation, no sideways scrolling on a phone, and the page's primary action inside
 * the viewport's width. One sign-in per account (stored states) and one axe pass per page, theme
 * and width.
 */
let tour: PageTour;

// One test per width, run side by side: each worker takes its own tour.
test.describe.configure({ mode: 'parallel' });

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  tour = await pageTour(browser, path.join(testInfo.project.outputDir, `states-${testInfo.workerIndex}`));
});

test.afterAll(async () => {
  await tour?.cleanup();
});

for (const width of Object.keys(WIDTHS) as (keyof typeof WIDTHS)[])
  test(`every page passes axe in both themes at ${WIDTHS[width].width} px, and shows its primary action`, async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    const failures: string[] = [];
    await visitEveryPage(
      browser,
      tour,
      async (page, target, view) => {
        failures.push(...(await checkPage(page, target, view)));
      },
      [width],
    );
    expect(failures, failures.join('\n')).toEqual([]);
  });

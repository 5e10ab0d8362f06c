import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { pageTour, visitEveryPage, WIDTHS, type PageTour } from './pages';

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
      async (page, target, { theme }) => {
        const where = `${target.name} (${target.path}) at ${width}, ${theme}`;
        // Soft checks: one run reports every page that fails, not only the first.
        const response = await page.goto(target.path);
        expect.soft(response?.status(), where).toBe(target.status ?? 200);
        const primary = target.primary(page);
        await expect.soft(primary, `${where}: primary action`).toBeVisible();
        const box = await primary.boundingBox();
        const viewportWidth = WIDTHS[width].width;
        expect
          .soft(box && box.x >= 0 && box.x + box.width <= viewportWidth, `${where}: primary action within the width`)
          .toBe(true);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect.soft(overflow, `${where}: sideways scrolling`).toBeLessThanOrEqual(0);
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
          failures.push(
            `${where}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join('\n    ')}`,
          );
      },
      [width],
    );
    expect(failures, failures.join('\n')).toEqual([]);
  });

import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('an admin sees the storage checklist and runs the access-control lab', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/storage');
  await expect(page.getByRole('heading', { name: 'Storage access control' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Checklist' })).toBeVisible();
  await expect(
    page.getByRole('listitem', { name: /^BlockPublicPolicy: (Pass|Warn|Fail|Not supported)$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('listitem', { name: /^Only the app’s origin and methods; ETag exposed: Pass$/ }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How each mechanism works' })).toBeVisible();

  await page.getByRole('link', { name: 'Open the lab' }).click();
  await expect(page.getByRole('heading', { name: 'Access-control lab' })).toBeVisible();
  await page.getByRole('button', { name: 'Run the lab' }).click();
  const results = page.getByRole('table', { name: 'Lab results' });
  await expect(results).toBeVisible({ timeout: 30_000 });
  const anonymous = results.getByRole('row', { name: /Anonymous GET of a private object/ });
  await expect(anonymous).toContainText('403 AccessDenied');
  await expect(anonymous).toContainText('as expected');
  await expect(results.getByRole('row', { name: /Pre-signed PUT with a different Content-Type/ })).toContainText(
    '403 SignatureDoesNotMatch',
  );
  await expect(results.getByRole('row', { name: /Pre-signed POST over the size range/ })).toContainText(
    '400 EntityTooLarge',
  );
  await expect(results.getByRole('row', { name: /Public bucket policy under Block Public Access/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Lab results' }).getByText('unexpected', { exact: true })).toHaveCount(
    0,
  );
});

test('a customer is refused from the storage pages', async ({ page }) => {
  await signIn(page, 'alice');
  for (const path of ['/admin/storage', '/admin/storage/lab']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  }
});

test('the storage pages work on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, 'admin');
  for (const path of ['/admin/storage', '/admin/storage/lab']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

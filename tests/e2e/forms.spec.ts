import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, formAlert, signIn } from './helpers';
import { seedLibraryFile } from './share-seed';

test('a wrong password on sign-in keeps the email', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(ACCOUNTS.bob.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(formAlert(page)).toContainText('Wrong email or password');
  await expect(page.getByLabel('Email')).toHaveValue(ACCOUNTS.bob.email);
});

test('sign-in shows every missing field at once, before anything is sent', async ({ page }) => {
  await page.goto('/login');
  let actions = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST') actions++;
  });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
  expect(actions).toBe(0);
});

test('the new-share form shows all its errors at once and keeps everything typed, in the browser and after a refusal by the server', async ({
  page,
}) => {
  const file = await seedLibraryFile(`Form check ${randomBytes(3).toString('hex')}.pdf`);
  // Another file stays in the library: with none left, the page rightly offers no form at all.
  const other = await seedLibraryFile(`Form check other ${randomBytes(3).toString('hex')}.pdf`);
  try {
    await signIn(page, 'admin');
    await page.goto('/admin/shares/new');
    await page.getByLabel('Title').fill('Quarterly pack');
    await page.getByLabel('Message (optional)').fill('See you soon.');
    await page.getByLabel('Password (optional)').fill('short');
    await page.getByLabel('Recipient 1 Name').fill('Pat Partner');
    await page.getByLabel('Recipient 1 Email').fill('not an email');
    await page.getByRole('button', { name: 'Add recipient' }).click();
    await page.getByLabel('Recipient 2 Email').fill('quinn@partner.example');
    await page.getByRole('button', { name: 'Create share' }).click();

    // Every problem at once, each next to its field (checked in the browser by the server's own rules).
    await expect(formAlert(page)).toHaveText('Check the highlighted fields.');
    await expect(page.getByText('Choose the date and time when access ends.')).toBeVisible();
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
    await expect(page.getByText('Choose at least one file.')).toBeVisible();
    await expect(page.getByLabel('Recipient 1 Email')).toHaveAccessibleDescription('Enter a valid email address.');
    await expect(page.getByLabel('Recipient 2 Name')).toHaveAccessibleDescription('Enter the recipient’s name.');
    await expect(page.getByLabel('Title')).toHaveValue('Quarterly pack');
    await expect(page.getByLabel('Password (optional)')).toHaveValue('short');

    // Fixed, then refused by the server (the file went away meanwhile): nothing typed is lost.
    await page.getByRole('button', { name: '1 week' }).click();
    await page.getByLabel('Password (optional)').fill('long enough now');
    await page.getByLabel('Search files by name').fill(file.name);
    await page.getByLabel(file.name).check();
    await page.getByLabel('Recipient 1 Email').fill('pat@partner.example');
    await page.getByLabel('Recipient 2 Name').fill('Quinn Partner');
    await file.remove();
    await page.getByRole('button', { name: 'Create share' }).click();
    await expect(formAlert(page)).toContainText('Some of the chosen files are no longer available');
    await expect(page.getByLabel('Title')).toHaveValue('Quarterly pack');
    await expect(page.getByLabel('Message (optional)')).toHaveValue('See you soon.');
    await expect(page.getByLabel('Password (optional)')).toHaveValue('long enough now');
    await expect(page.getByLabel(file.name)).toBeChecked();
    await expect(page.getByText('Files (1 chosen)')).toBeVisible();
    await expect(page.getByLabel('Recipient 1 Name')).toHaveValue('Pat Partner');
    await expect(page.getByLabel('Recipient 2 Email')).toHaveValue('quinn@partner.example');
  } finally {
    await file.remove().catch(() => undefined);
    await other.remove();
  }
});

test('the theme follows the system until the reader picks one, which is remembered from the first paint', async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await signIn(page, 'alice');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect(page.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(await background()).not.toBe(dark);
  // The server renders the choice into the HTML itself: no flash of the other theme on load.
  const html = await (await page.request.get('/profile')).text();
  expect(html).toMatch(/<html[^>]*data-theme="light"/);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'System theme' }).click();
  expect(await background()).toBe(dark);
  await context.close();
});

test('a skip link leads keyboard users past the navigation', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto('/invoices');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

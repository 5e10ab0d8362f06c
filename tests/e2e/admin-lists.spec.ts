import fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { seedLibraryFile, type SeededFile } from './share-seed';

const tag = randomBytes(3).toString('hex');
let file: SeededFile;

test.beforeAll(async () => {
  file = await seedLibraryFile(`Ledger ${tag}.pdf`);
});

test.afterAll(async () => {
  await file.remove();
});

test('an admin finds a revoked share by state and recipient, then its trail in the audit log and its CSV', async ({
  page,
}) => {
  test.slow(); // one long journey across four pages: a shared, busy machine needs more than the default budget
  await signIn(page, 'admin');
  const title = `Audit trail ${tag}`;
  await page.goto('/admin/shares/new');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: '1 week' }).click();
  await page.getByLabel(file.name).check();
  await page.getByLabel('Recipient 1 Name').fill('Vera Vendor');
  await page.getByLabel('Recipient 1 Email').fill(`vera-${tag}@vendor.example`);
  await page.getByRole('button', { name: 'Create share' }).click();
  await page.getByRole('link', { name: 'View share' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const shareId = page.url().split('/').at(-1)!;
  await page.getByRole('button', { name: 'Revoke share' }).click();
  await page.getByRole('button', { name: 'Yes, revoke share' }).click();
  await expect(page.getByText(/^Revoked (just now|\d+ seconds? ago)/)).toBeVisible();

  // Shares: by state and by a recipient's email; a revoked share says so instead of counting down.
  await page.goto('/admin/shares');
  const filters = page.getByRole('form', { name: 'Filter shares' });
  await filters.getByLabel('Search').fill(`vera-${tag}`);
  await filters.getByLabel('State').selectOption('Revoked');
  await filters.getByRole('button', { name: 'Filter' }).click();
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Revoked');
  await expect(row).toContainText(/Revoked (just now|\d+ (seconds?|minutes?) ago)/);
  await expect(row).not.toContainText('Ends in');
  await page.getByRole('form', { name: 'Filter shares' }).getByLabel('State').selectOption('Active');
  await page.getByRole('form', { name: 'Filter shares' }).getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('heading', { name: 'No matching shares' })).toBeVisible();
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page.getByLabel('Search')).toHaveValue('');

  // Audit log: labels, not codes; filters by text, action, actor and days (UTC).
  await page.goto('/admin/audit');
  const audit = page.getByRole('form', { name: 'Filter the audit log' });
  await audit.getByLabel('Search').fill(shareId);
  await audit.getByRole('button', { name: 'Filter' }).click();
  const events = page.getByRole('region', { name: 'Audit events' });
  await expect(events.getByRole('row')).toHaveCount(3); // header, created, revoked
  await expect(events.getByText('Share revoked', { exact: true })).toBeVisible();
  await expect(events.getByText('share.revoke', { exact: true })).toBeHidden(); // the code waits in the details

  const created = events.getByRole('row').filter({ hasText: 'Share created' });
  await created.getByText('Details').click();
  await expect(created.getByText(`"title": "${title}"`)).toBeVisible();
  await expect(created.getByText('share.create', { exact: true })).toBeVisible();

  await page.getByRole('form', { name: 'Filter the audit log' }).getByLabel('Action').selectOption('Share revoked');
  await page
    .getByRole('form', { name: 'Filter the audit log' })
    .getByLabel('Who')
    .selectOption({ label: 'Ada Admin (admin@example.com)' });
  const today = new Date().toISOString().slice(0, 10);
  await page.getByRole('form', { name: 'Filter the audit log' }).getByLabel('From (UTC)').fill(today);
  await page.getByRole('form', { name: 'Filter the audit log' }).getByLabel('To (UTC)').fill(today);
  await page.getByRole('form', { name: 'Filter the audit log' }).getByRole('button', { name: 'Filter' }).click();
  await expect(events.getByRole('row')).toHaveCount(2);

  // The CSV holds what the filters show.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await fs.readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(',Ada Admin,admin@example.com,Share revoked,share.revoke,Changed,Share,');

  // The subject links to its page.
  await events.getByRole('link', { name: 'Share' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // A day with nothing says so.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/admin/audit?q=${shareId}&from=${tomorrow}`);
  await expect(page.getByRole('heading', { name: 'No matching events' })).toBeVisible();
});

test('an account in the audit log links to that account on the users page', async ({ page }) => {
  await signIn(page, 'admin');
  const email = `linked-${tag}@example.com`;
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Invite user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite user' });
  await dialog.getByLabel('Name').fill('Lina Linked');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('/admin/audit');
  const audit = page.getByRole('form', { name: 'Filter the audit log' });
  await audit.getByLabel('Search').fill(email);
  await audit.getByRole('button', { name: 'Filter' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Account invited' });
  await row.getByRole('link', { name: 'Account' }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=/);
  await expect(page.getByRole('list', { name: 'Users' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('listitem', { name: email })).toBeVisible();
});

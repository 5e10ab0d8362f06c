import fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { waitForMail } from '../helpers/mail';
import { fillRecipients, formAlert, signIn } from './helpers';
import { seedLibraryFile, type SeededFile } from './share-seed';

const PASSWORD = 'open sesame 42';
let file: SeededFile;

test.beforeAll(async () => {
  file = await seedLibraryFile(`Partner pack ${randomBytes(3).toString('hex')}.pdf`);
});

test.afterAll(async () => {
  await file.remove();
});

/** A partner: a fresh browser context with no session, opening their link and unlocking it. */
async function openAsPartner(
  browser: Browser,
  link: string,
  options: { firstTryWrong?: boolean; phone?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    acceptDownloads: true,
    ...(options.phone ? { viewport: { width: 375, height: 740 } } : {}),
  });
  const page = await context.newPage();
  await page.goto(link);
  // Behind the password the page shows nothing of the share: no title, no files.
  await expect(page.getByRole('heading', { name: 'Shared files' })).toBeVisible();
  await expect(page.getByText('Files for the Q3 audit')).toHaveCount(0);
  if (options.firstTryWrong) {
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(formAlert(page)).toContainText('That password is not right');
  }
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Files for the Q3 audit' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Files', exact: true })).toBeVisible();
  // The unlock is remembered for this one link only, out of scripts' reach.
  const [unlock] = await context.cookies();
  expect(unlock).toMatchObject({
    name: 'gp_share_unlock',
    path: new URL(link).pathname,
    httpOnly: true,
    sameSite: 'Lax',
  });
  return page;
}

async function downloadBytes(page: Page, name: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: `Download ${name}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(name);
  return fs.readFile((await download.path())!);
}

test('an admin shares files with two partners behind a password, then revokes one of them', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin');
  await page.goto('/admin/shares/new');
  await page.getByLabel('Title').fill('Files for the Q3 audit');
  await page.getByLabel('Message (optional)').fill('Here is what we discussed.');
  await page.getByRole('button', { name: '1 week' }).click();
  await page.getByLabel('Password (optional)').fill(PASSWORD);
  await page.getByLabel(file.name).check();
  await fillRecipients(page, [
    { name: 'Pat Partner', email: 'pat@partner.example' },
    { name: 'Quinn Partner', email: 'quinn@partner.example' },
  ]);
  await page.getByRole('button', { name: 'Create share' }).click();

  await expect(page.getByText('they are shown only once')).toBeVisible();
  const patLink = await page.getByRole('textbox', { name: /^Link for Pat Partner/ }).inputValue();
  const quinnLink = await page.getByRole('textbox', { name: /^Link for Quinn Partner/ }).inputValue();
  expect(patLink).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  expect(quinnLink).not.toBe(patLink);

  // Pat, in a browser of their own: the page asks for the password, then the file downloads.
  const pat = await openAsPartner(browser, patLink, { firstTryWrong: true });
  expect(await downloadBytes(pat, file.name)).toEqual(file.bytes);

  // The first download is mailed, through the queue and SMTP, to Pat and to the admin who shared.
  const patMail = await waitForMail('pat@partner.example', { subject: `You downloaded “${file.name}”` });
  expect(patMail.text).toContain('Your link to “Files for the Q3 audit” was just used');
  expect(patMail.text).toMatch(/Your access expires on .* UTC/);
  const adminMail = await waitForMail('admin@example.com', {
    subject: 'Pat Partner downloaded from “Files for the Q3 audit”',
  });
  expect(adminMail.links[0]).toMatch(/\/admin\/shares\/[^/]+\/recipients\/[^/]+$/);

  // The admin sees Pat's download, and revokes Pat's link only.
  await page.getByRole('link', { name: 'View share' }).click();
  const patRow = page.getByRole('row', { name: 'Pat Partner' });
  await expect(patRow.getByRole('cell', { name: '1', exact: true })).toBeVisible();
  await patRow.getByRole('button', { name: 'Revoke link for Pat Partner' }).click();
  await patRow.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(patRow.getByText('Revoked')).toBeVisible();

  // Pat's next click shows the revoked page (status 410)...
  const [response] = await Promise.all([
    pat.waitForResponse((r) => r.url().includes('/files/')),
    pat.getByRole('link', { name: `Download ${file.name}` }).click(),
  ]);
  expect(response.status()).toBe(410);
  await expect(pat.getByRole('heading', { name: 'This link has been revoked' })).toBeVisible();

  // ...while Quinn, on a phone, still downloads.
  const quinn = await openAsPartner(browser, quinnLink, { phone: true });
  expect(
    await quinn.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  expect(await downloadBytes(quinn, file.name)).toEqual(file.bytes);

  // Pat's log records the download and the refusal.
  await page.getByRole('link', { name: 'Access log for Pat Partner' }).click();
  await expect(page.getByRole('cell', { name: 'Downloaded' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Refused (revoked)' })).toBeVisible();
});

test('an unknown link is a 404 page', async ({ browser, request }) => {
  const missing = await request.get(`/s/${randomBytes(32).toString('base64url')}`);
  expect(missing.status()).toBe(404);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/s/${randomBytes(32).toString('base64url')}`);
  await expect(page.getByRole('heading', { name: 'Link not found' })).toBeVisible();
  await context.close();
});

test('an admin edits a share after creating it; customers cannot reach share admin', async ({ page, browser }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/shares/new');
  await page.getByLabel('Title').fill('Editable share');
  await page.getByRole('button', { name: '1 day' }).click();
  await page.getByLabel('Search files by name').fill(file.name);
  await expect(page.getByText('1 matching file')).toBeVisible();
  await page.getByLabel(file.name).check();
  await page.getByLabel('Search files by name').fill('no file is called this');
  await expect(page.getByText('0 matching files')).toBeVisible();
  await expect(page.getByLabel(file.name)).toBeChecked(); // chosen files stay listed
  await page.getByLabel('Recipient 1 Name').fill('Robin Partner');
  await page.getByLabel('Recipient 1 Email').fill('robin@partner.example');
  await page.getByRole('button', { name: 'Create share' }).click();
  await page.getByRole('link', { name: 'View share' }).click();
  await expect(page.getByRole('heading', { name: 'Editable share' })).toBeVisible();

  await page.getByRole('link', { name: 'Edit share' }).click();
  await page.getByLabel('Title').fill('Edited share');
  await page.getByLabel('Maximum downloads per recipient (optional)').fill('3');
  await page.getByLabel('Set a password').check();
  await page.getByLabel('New password').fill('a new password');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Edited share' })).toBeVisible();
  await expect(page.getByText('Required')).toBeVisible();
  await expect(page.getByRole('row', { name: 'Robin Partner' }).getByRole('cell', { name: '0 / 3' })).toBeVisible();

  await page.getByRole('link', { name: 'All shares' }).click();
  await expect(page.getByRole('link', { name: 'Edited share' })).toBeVisible();

  const customer = await browser.newContext();
  const alice = await customer.newPage();
  await signIn(alice, 'alice');
  expect((await alice.goto('/admin/shares'))?.status()).toBe(403);
  await customer.close();
});

import fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { freePort } from '../../scripts/lib/util.mjs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { fillRecipients, formAlert } from '../e2e/helpers';
import { waitForMail } from '../helpers/mail';
import { deployment, npmRun, startInstance, stopInstance } from './deployment';

const { dir, appEnv, operatorEnv, urls, adminLink, adminEmail, inboxUrl } = deployment();
const [A, B] = urls;
const ADMIN_PASSWORD = 'deploy admin password 1';
const SHARE_PASSWORD = 'partner pass 42';

test.describe.configure({ mode: 'serial' });

test('s3:audit is clean on the hardened bucket, and both instances are ready with every health check ok', async ({
  request,
}) => {
  const audit = await npmRun(dir, 's3:audit', ['--json'], operatorEnv);
  expect(audit.code, audit.output).toBe(0);
  const { checks } = JSON.parse(audit.output.slice(audit.output.indexOf('{'))) as { checks: { status: string }[] };
  expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
  for (const url of urls) {
    const response = await request.get(`${url}/api/health?strict=1`);
    expect(response.status()).toBe(200);
    const health = await response.json();
    expect(health.status).toBe('ok');
    expect(health.checks).toMatchObject({
      database: { status: 'ok' },
      bucket: { status: 'ok' },
      cors: { status: 'ok' },
      versioning: { status: 'ok' },
      lifecycle: { status: 'ok' },
      signingCredentials: { status: 'ok' },
    });
  }
});

test('the cleanup tasks run by hand with the database and storage settings alone', async () => {
  const storageAndDatabase = Object.fromEntries(
    Object.entries(appEnv).filter(
      ([name]) => !['APP_URL', 'AUTH_SECRET', 'SMTP_URL', 'S3_CORS_ORIGINS'].includes(name),
    ),
  );
  for (const task of ['storage:cleanup', 'storage:cleanup-multipart']) {
    const run = await npmRun(dir, task, [], storageAndDatabase);
    expect(run.code, `${task}: ${run.output}`).toBe(0);
    expect(run.output).toMatch(/^(Removed|Forgot) /m);
  }
});

test('a missing AUTH_SECRET stops the server at boot, naming it', async () => {
  const withoutSecret = Object.fromEntries(Object.entries(appEnv).filter(([name]) => name !== 'AUTH_SECRET'));
  const instance = startInstance(dir, { ...withoutSecret, PORT: String(await freePort()), HOSTNAME: '127.0.0.1' });
  try {
    const code = await new Promise<number | null>((resolve) => instance.child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(instance.output()).toMatch(/Guestpass cannot start[\s\S]*AUTH_SECRET is required but not set/);
  } finally {
    stopInstance(instance.child);
  }
});

async function partner(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  return context.newPage();
}

async function unlock(page: Page, password: string) {
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('the first admin sets a password, uploads and shares; partners use either instance, which share limits and throttling', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000); // a whole journey on two instances, on a machine that also builds
  // The link users:create printed: set the password, then sign in on instance A.
  await page.goto(adminLink);
  await page.getByLabel('New password', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel('Repeat the new password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/login\?/);
  await page.getByLabel('Email').fill(adminEmail);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();

  // Upload two files straight to the bucket (its CORS rule came from s3:harden).
  const files = ['one', 'two'].map((n) => ({
    name: `Deploy check ${n} ${randomBytes(3).toString('hex')}.pdf`,
    bytes: randomBytes(64 * 1024),
  }));
  await page.goto(`${A}/admin/files`);
  await page
    .getByLabel('Upload files')
    .setInputFiles(files.map(({ name, bytes }) => ({ name, mimeType: 'application/pdf', buffer: bytes })));
  for (const { name } of files)
    await expect(page.getByRole('row').filter({ hasText: name }).getByText('Ready')).toBeVisible({ timeout: 30_000 });

  // Share it with two partners, behind a password, two downloads each.
  await page.goto(`${A}/admin/shares/new`);
  await page.getByLabel('Title').fill('Deploy check');
  await page.getByRole('button', { name: '1 week' }).click();
  await page.getByLabel('Password (optional)').fill(SHARE_PASSWORD);
  await page.getByLabel('Maximum downloads per recipient (optional)').fill('2');
  for (const { name } of files) await page.getByLabel(name).check();
  await fillRecipients(page, [
    { name: 'Pat Partner', email: 'pat@partner.example' },
    { name: 'Quinn Partner', email: 'quinn@partner.example' },
  ]);
  await page.getByRole('button', { name: 'Create share' }).click();
  const patPath = new URL(await page.getByRole('textbox', { name: /^Link for Pat Partner/ }).inputValue()).pathname;
  const quinnPath = new URL(await page.getByRole('textbox', { name: /^Link for Quinn Partner/ }).inputValue()).pathname;

  // Throttling is shared: 3 wrong passwords on A and 2 on B lock Pat's link on both.
  const pat = await partner(browser);
  for (const [url, tries] of [
    [A, 3],
    [B, 2],
  ] as const) {
    for (let i = 0; i < tries; i++) {
      await pat.goto(`${url}${patPath}`);
      await unlock(pat, 'not the password');
      await expect(formAlert(pat)).toContainText('That password is not right');
    }
  }
  await unlock(pat, SHARE_PASSWORD);
  await expect(formAlert(pat)).toContainText('Too many wrong passwords');

  // The download limit is shared: Quinn downloads one file through B and the other through A (a
  // second click on the same file within its URL's minute would be a retry, not counted); a third
  // download is refused.
  const quinn = await partner(browser);
  await quinn.goto(`${B}${quinnPath}`);
  await unlock(quinn, SHARE_PASSWORD);
  await expect(quinn.getByRole('link', { name: `Download ${files[0].name}` })).toBeVisible();
  for (const [url, { name, bytes }] of [
    [B, files[0]],
    [A, files[1]],
  ] as const) {
    await quinn.goto(`${url}${quinnPath}`);
    const [download] = await Promise.all([
      quinn.waitForEvent('download'),
      quinn.getByRole('link', { name: `Download ${name}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(name);
    expect((await fs.readFile((await download.path())!)).equals(bytes)).toBe(true);
  }
  await quinn.goto(`${B}${quinnPath}`);
  await expect(quinn.getByRole('heading', { name: 'Download limit reached' })).toBeVisible();

  // The instances' job workers deliver mail through SMTP_URL: the first download's notice to the admin.
  const notice = await waitForMail(adminEmail, { subject: 'Quinn Partner downloaded', inboxUrl });
  expect(notice.text).toContain(files[0].name);
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** The suite's store, reached as an operator would (not through the app): for uploads aborted behind the app's back. */
function operatorS3() {
  return new S3Client({
    region: process.env.S3_REGION ?? 'us-east-1',
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
  });
}

const MIB = 1024 * 1024;

/** A slower uplink for this page (bytes per second), so that uploads are seen in progress; `lift` ends it. */
async function limitUplink(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  const conditions = (uploadThroughput: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput,
    });
  await conditions(bytesPerSecond);
  return { lift: () => conditions(-1) };
}

test('an admin uploads a file in parts straight to S3, sees progress, then the file in the table', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/files');
  await expect(page.getByRole('heading', { name: 'Files', exact: true })).toBeVisible();
  await expect(page.getByText(/Your storage: .* of 1\.0 TB used\./)).toBeVisible();

  const name = `Übersicht ${Date.now()}.bin`;
  const buffer = randomBytes(11 * MIB);
  const partPuts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'PUT' && url.searchParams.has('partNumber'))
      partPuts.push(url.searchParams.get('partNumber')!);
  });
  // A slower uplink (about 2 MB/s), so that the upload is seen in progress, not only finished.
  const uplink = await limitUplink(page, 2 * MIB);
  await page.getByLabel('Upload files').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });

  const progress = page.getByRole('progressbar', { name });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/ of 11 MB · .*\/s · .* left/)).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await expect(page.getByText('11 MB · uploaded')).toBeVisible({ timeout: 60_000 });
  await uplink.lift();
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  expect(partPuts.sort()).toEqual(['1', '2', '3']); // 5 MiB + 5 MiB + 1 MiB, each through its own URL

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('Ready')).toBeVisible();
  await expect(row.getByRole('cell', { name: '11 MB' })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Ada Admin' })).toBeVisible();

  const href = await row.getByRole('link', { name: `Download ${name}` }).getAttribute('href');
  const redirect = await page.request.get(href!, { maxRedirects: 0 });
  expect(redirect.status()).toBe(303);
  const object = await page.request.get(redirect.headers().location);
  expect(object.status()).toBe(200);
  expect(object.headers()['content-disposition']).toContain('attachment');
  expect(Buffer.compare(await object.body(), buffer)).toBe(0);

  await page.getByRole('searchbox', { name: 'Search by name' }).fill(name.slice(0, 12));
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible();

  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await row.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  expect((await page.request.get(href!, { maxRedirects: 0 })).status()).toBe(404);
});

test('a 40 MB file with a non-ASCII name becomes Ready and downloads byte-identical under its own name', async ({
  page,
}) => {
  test.slow(); // 40 MB up and back down through the in-process emulator: ~57 s of the default 60 s at a load average of 20
  await signIn(page, 'admin');
  await page.goto('/admin/files');
  const name = 'Rechnung März 2026 (final).pdf';
  const buffer = randomBytes(40 * MIB);
  await page.getByLabel('Upload files').setInputFiles({ name, mimeType: 'application/pdf', buffer });
  await expect(page.getByText('40 MB · uploaded')).toBeVisible({ timeout: 60_000 });
  const row = page.getByRole('row').filter({ hasText: name }).first();
  await expect(row.getByText('Ready')).toBeVisible();

  const href = await row.getByRole('link', { name: `Download ${name}` }).getAttribute('href');
  const redirect = await page.request.get(href!, { maxRedirects: 0 });
  const object = await page.request.get(redirect.headers().location);
  expect(object.status()).toBe(200);
  const encodedName = /filename\*=UTF-8''([^;]+)/.exec(object.headers()['content-disposition'])?.[1];
  expect(decodeURIComponent(encodedName ?? '')).toBe(name);
  expect(Buffer.compare(await object.body(), buffer)).toBe(0);

  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await row.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});

test('cancel stops an upload, aborts it in storage and removes it from the list and the quota', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/files');
  const usage = await page.getByText(/Your storage: .* used\./).textContent();
  const name = `cancelled ${Date.now()}.bin`;
  const uploadIds = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'PUT' && url.searchParams.has('uploadId'))
      uploadIds.add(url.searchParams.get('uploadId')!);
  });
  const uplink = await limitUplink(page, 2 * MIB);
  await page
    .getByLabel('Upload files')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: randomBytes(16 * MIB) });
  await expect.poll(() => uploadIds.size, { timeout: 20_000 }).toBe(1);
  await page.getByRole('button', { name: `Cancel ${name}` }).click();
  await expect(page.getByText(/^cancelled$/)).toBeVisible();
  await uplink.lift();

  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  await expect(page.getByText(/Your storage: .* used\./)).toHaveText(usage!);
  const open = await operatorS3().send(
    new ListMultipartUploadsCommand({ Bucket: process.env.S3_BUCKET, Prefix: 'library/' }),
  );
  expect((open.Uploads ?? []).filter((u) => uploadIds.has(u.UploadId!))).toEqual([]);
});

test('an upload whose parts were aborted behind its back shows Failed with the reason, and Discard removes it', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/admin/files');
  const name = `aborted elsewhere ${Date.now()}.bin`;
  let aborted: Promise<unknown> | undefined;
  // The first part to leave the browser finds its upload already aborted in storage (an operator, a lifecycle rule).
  await page.route(/partNumber=/, async (route) => {
    const url = new URL(route.request().url());
    aborted ??= operatorS3().send(
      new AbortMultipartUploadCommand({
        Bucket: process.env.S3_BUCKET,
        Key: decodeURIComponent(url.pathname.split('/').slice(2).join('/')),
        UploadId: url.searchParams.get('uploadId')!,
      }),
    );
    await aborted;
    await route.continue();
  });
  await page
    .getByLabel('Upload files')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: randomBytes(11 * MIB) });
  const alert = page.getByRole('alert').filter({ hasText: 'Failed.' });
  await expect(alert).toContainText('Storage no longer holds this upload');
  await expect(alert).not.toContainText('connection');
  await expect(page.getByRole('button', { name: `Resume ${name}` })).toBeVisible();

  await page.getByRole('button', { name: `Discard ${name}` }).click();
  await expect(page.getByText(/^discarded$/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});

test('an upload survives pause, resume and a page reload, sending only the parts storage lacks', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/files');
  // A file on disk keeps its lastModified, so choosing it again after the reload is "the same file".
  const name = `resumable ${Date.now()}.bin`;
  const filePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guestpass-e2e-')), name);
  const buffer = randomBytes(16 * MIB); // parts: 5 + 5 + 5 + 1 MiB
  fs.writeFileSync(filePath, buffer);
  await limitUplink(page, 2 * MIB);

  let phase: 'before reload' | 'after reload' = 'before reload';
  const stored = { 'before reload': [] as string[], 'after reload': [] as string[] };
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.request().method() === 'PUT' && url.searchParams.has('partNumber') && response.status() === 200)
      stored[phase].push(url.searchParams.get('partNumber')!);
  });
  page.on('dialog', (dialog) => dialog.accept()); // "leave while uploading?" on reload

  await page.getByLabel('Upload files').setInputFiles(filePath);
  const progress = page.getByRole('progressbar', { name });
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(5);
  await page.getByRole('button', { name: `Pause ${name}` }).click();
  await expect(page.getByText(/ · paused$/)).toBeVisible();
  await page.getByRole('button', { name: `Resume ${name}` }).click();
  await expect.poll(() => stored['before reload'].length, { timeout: 30_000 }).toBeGreaterThan(0);

  await page.reload(); // the tab goes away mid-upload
  phase = 'after reload';
  await page.getByLabel('Upload files').setInputFiles(filePath);
  await expect(page.getByText(/Resumed: .* were already in storage\./)).toBeVisible();
  await expect(page.getByText('16 MB · uploaded')).toBeVisible({ timeout: 60_000 });
  expect(stored['after reload'].length).toBeLessThan(4);
  expect(stored['after reload'].filter((n) => stored['before reload'].includes(n))).toEqual([]);

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('Ready')).toBeVisible();
  const redirect = await page.request.get(
    (await row.getByRole('link', { name: `Download ${name}` }).getAttribute('href'))!,
    { maxRedirects: 0 },
  );
  expect(Buffer.compare(await (await page.request.get(redirect.headers().location)).body(), buffer)).toBe(0);
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await row.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  fs.rmSync(path.dirname(filePath), { recursive: true, force: true });
});

test('an unfinished upload left by a closed tab is discarded from the table, without an error page', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/admin/files');
  const name = `abandoned ${Date.now()}.bin`;
  await limitUplink(page, 2 * MIB);
  page.on('dialog', (dialog) => dialog.accept()); // "leave while uploading?" on reload
  await page
    .getByLabel('Upload files')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: randomBytes(11 * MIB) });
  const progress = page.getByRole('progressbar', { name });
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(5);
  await page.reload(); // the tab goes away mid-upload: the table lists the upload as unfinished
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('Uploading')).toBeVisible();
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await row.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Files', exact: true })).toBeVisible();
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
});

test('a part that fails mid-way or whose URL expired is retried with a fresh URL, and the file completes', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/admin/files');
  const name = `flaky network ${Date.now()}.bin`;
  const attempts = new Map<string, string[]>();
  await page.route(/partNumber=/, async (route) => {
    const url = new URL(route.request().url());
    const part = url.searchParams.get('partNumber')!;
    const seen = attempts.get(part) ?? [];
    attempts.set(part, [...seen, url.searchParams.get('X-Amz-Signature')!]);
    if (part === '1' && seen.length === 0) return route.abort('connectionreset'); // the network drops mid-part
    if (part === '2' && seen.length === 0) {
      return route.fulfill({
        status: 403,
        contentType: 'application/xml',
        body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
      });
    }
    return route.continue();
  });
  await page
    .getByLabel('Upload files')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: randomBytes(11 * MIB) });
  await expect(page.getByText('11 MB · uploaded')).toBeVisible({ timeout: 60_000 });
  expect(attempts.get('1')).toHaveLength(2);
  expect(attempts.get('2')).toHaveLength(2);
  expect(attempts.get('3')).toHaveLength(1);
  await expect(page.getByRole('row').filter({ hasText: name }).getByText('Ready')).toBeVisible();
  await page
    .getByRole('row')
    .filter({ hasText: name })
    .getByRole('button', { name: `Delete ${name}` })
    .click();
  await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});

test('the files page works on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, 'admin');
  await page.goto('/admin/files');
  await expect(page.getByLabel('Upload files')).toBeAttached();
  await expect(page.getByRole('searchbox', { name: 'Search by name' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('an empty file gets a clear refusal and nothing is listed', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/files');
  await page
    .getByLabel('Upload files')
    .setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert').filter({ hasText: 'is empty' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'empty.txt' })).toHaveCount(0);
});

test('a customer cannot reach /admin/files, its downloads or its upload actions', async ({ page, browser }) => {
  // An admin starts an upload; the action request it makes is replayed with a customer's session.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, 'admin');
  await adminPage.goto('/admin/files');
  const actionRequest = adminPage.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await adminPage
    .getByLabel('Upload files')
    .setInputFiles({ name: 'tiny.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  const recorded = await actionRequest;
  await expect(adminPage.getByText('5 B · uploaded')).toBeVisible();
  const href = await adminPage
    .getByRole('row')
    .filter({ hasText: 'tiny.txt' })
    .first()
    .getByRole('link', { name: 'Download tiny.txt' })
    .getAttribute('href');

  await signIn(page, 'alice');
  const response = await page.goto('/admin/files');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  expect((await page.request.get(href!, { maxRedirects: 0 })).status()).toBe(403);

  const headers = Object.fromEntries(
    Object.entries(recorded.headers()).filter(([name]) =>
      ['next-action', 'content-type', 'accept', 'next-router-state-tree'].includes(name),
    ),
  );
  const replay = await page.request.post('/admin/files', { headers, data: recorded.postData() ?? '' });
  expect(replay.status()).toBe(403);

  const tinyRow = adminPage.getByRole('row').filter({ hasText: 'tiny.txt' }).first();
  await tinyRow.getByRole('button', { name: 'Delete tiny.txt' }).click();
  await tinyRow.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(tinyRow.getByRole('button', { name: 'Yes, delete' })).toHaveCount(0);
  await adminContext.close();
});

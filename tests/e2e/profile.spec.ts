import { randomBytes } from 'node:crypto';
import { expect, test, type Page, type Request } from '@playwright/test';
import sharp from 'sharp';
import { formAlert, signIn } from './helpers';

// The tests build on each other: alice's photo is uploaded, refused replacements keep it, then it is removed.
test.describe.configure({ mode: 'serial' });

const MB = 1024 * 1024;
const s3Origin = new URL(process.env.S3_ENDPOINT ?? 'http://s3.invalid').origin;

/**
 * A real JPEG, encoded by the browser's own canvas, padded with comment segments (which decoders
 * skip) to `size` bytes: big enough for the upload to show progress, and full of random bytes
 * that can be searched for in every request the page sends.
 */
async function makeJpeg(page: Page, size: number): Promise<{ jpeg: Buffer; marker: Buffer }> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#1f5fd1';
    g.fillRect(0, 0, 64, 64);
    g.fillStyle = '#ffffff';
    g.fillRect(16, 16, 32, 32);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  const encoded = Buffer.from(dataUrl.split(',')[1], 'base64');
  const marker = randomBytes(32);
  const segments: Buffer[] = [];
  for (let room = size - encoded.length; room > 4;) {
    const payload = Math.min(65_533, room - 4);
    const header = Buffer.from([0xff, 0xfe, (payload + 2) >> 8, (payload + 2) & 0xff]);
    segments.push(
      header,
      Buffer.concat([marker, randomBytes(Math.max(0, payload - marker.length))]).subarray(0, payload),
    );
    room -= payload + 4;
  }
  return { jpeg: Buffer.concat([encoded.subarray(0, 2), ...segments, encoded.subarray(2)]), marker };
}

interface SentBody {
  origin: string;
  method: string;
  path: string;
  bytes: number;
  carriesPhoto: boolean;
}

/** Records the size of every request body the page sends, and whether it holds the photo's bytes. */
function recordRequestBodies(page: Page, marker: Buffer) {
  const pending: Promise<SentBody>[] = [];
  const onRequest = (request: Request) => {
    pending.push(
      (async () => {
        const response = await request.response().catch(() => null);
        const body = request.postDataBuffer();
        // The DevTools protocol leaves file-backed bodies (FormData with a File) out of the body
        // size, so the Content-Length the browser sent counts too.
        const measured = response ? (await request.sizes()).requestBodySize : (body?.length ?? 0);
        const declared = Number((await request.headerValue('content-length').catch(() => null)) ?? 0);
        const url = new URL(request.url());
        return {
          origin: url.origin,
          method: request.method(),
          path: url.pathname,
          bytes: Math.max(measured, declared),
          carriesPhoto: Boolean(body?.includes(marker)),
        };
      })(),
    );
  };
  page.on('request', onRequest);
  return async () => {
    page.off('request', onRequest);
    return Promise.all(pending);
  };
}

test('alice uploads a real JPEG straight to S3, sees the progress, then her photo; no byte of it passes through the app', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'alice');
  await page.goto('/profile');
  const { jpeg, marker } = await makeJpeg(page, 512 * 1024);

  // A slow uplink, so that the progress bar has time to show (the S3 server is on this machine).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 256 * 1024,
  });
  await page.evaluate(() => ((window as unknown as { stillSamePage: boolean }).stillSamePage = true));

  const stopRecording = recordRequestBodies(page, marker);
  await page.getByLabel('Choose photo').setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  // The photo is shown before anything is sent; saving it sends the original bytes (no crop asked for).
  await expect(page.getByRole('img', { name: 'Preview of the new photo' })).toBeVisible();
  await page.getByRole('button', { name: 'Save photo' }).click();
  const progress = page.getByRole('progressbar', { name: 'Uploading photo' });
  await expect(progress).toBeVisible();
  await expect(formAlert(page).or(page.getByRole('status').filter({ hasText: 'Your new photo is saved.' }))).toHaveText(
    'Your new photo is saved.',
    { timeout: 30_000 },
  );
  await expect(progress).toBeHidden();
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  // The photo, in the page and in the header, comes from S3 through a pre-signed URL, and decodes.
  const photo = page.getByRole('main').getByRole('img', { name: 'Profile photo of Alice Customer' });
  const headerPhoto = page.getByRole('banner').getByRole('img', { name: 'Profile photo of Alice Customer' });
  await expect(photo).toBeVisible();
  await expect(headerPhoto).toBeVisible();
  for (const img of [photo, headerPhoto]) {
    const src = new URL((await img.getAttribute('src'))!);
    expect(src.origin).toBe(s3Origin);
    expect(src.origin).not.toBe(new URL(baseURL!).origin);
    expect(src.searchParams.get('X-Amz-Signature')).toBeTruthy();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(64);
  }
  expect(await page.evaluate(() => (window as unknown as { stillSamePage?: boolean }).stillSamePage)).toBe(true);

  // Measurement: request bodies the page sent during the upload, per origin.
  const bodies = await stopRecording();
  const total = (origin: string) => bodies.filter((b) => b.origin === origin).reduce((sum, b) => sum + b.bytes, 0);
  const appOrigin = new URL(baseURL!).origin;
  const toApp = bodies.filter((b) => b.origin === appOrigin);
  const toS3 = bodies.filter((b) => b.origin === s3Origin);
  const measurement =
    `photo ${jpeg.length} B; to the app (${appOrigin}): ${toApp.length} requests, ${total(appOrigin)} B of bodies, photo bytes in them: ${toApp.some((b) => b.carriesPhoto) ? 'YES' : 'none'}; ` +
    `to S3 (${s3Origin}): ${toS3.length} requests, ${total(s3Origin)} B of bodies`;
  console.log(`[measure] ${measurement}`);
  for (const b of bodies)
    console.log(`[measure]   ${b.method} ${b.origin}${b.path.replace(/\/avatars\/.*/, '/avatars/…')} ${b.bytes} B`);
  test.info().annotations.push({ type: 'measurement', description: measurement });
  expect(toApp.some((b) => b.carriesPhoto)).toBe(false);
  expect(total(appOrigin)).toBeLessThan(4096); // two server action calls with small JSON arguments
  expect(toS3.filter((b) => b.method === 'POST')).toHaveLength(1);
  expect(total(s3Origin)).toBeGreaterThanOrEqual(jpeg.length);

  // And S3 holds the server's own encoding of that photo: the same picture, without the padding.
  const stored = await page.request.get((await photo.getAttribute('src'))!);
  expect(stored.status()).toBe(200);
  const body = await stored.body();
  expect(await sharp(body).metadata()).toMatchObject({ format: 'jpeg', width: 64, height: 64 });
  expect(body.includes(marker)).toBe(false);
});

test('repeat views reuse the same photo URL within its window, and the browser cache answers them', async ({
  page,
}) => {
  await signIn(page, 'alice');
  const headerPhoto = page.getByRole('banner').getByRole('img', { name: 'Profile photo of Alice Customer' });
  await page.goto('/profile');
  await expect.poll(() => headerPhoto.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(64);
  const first = new URL((await headerPhoto.getAttribute('src'))!);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const fromCache = new Set<string>();
  const requested = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => requested.set(e.requestId, e.request.url));
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(requested.get(e.requestId) ?? ''));
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromDiskCache) fromCache.add(e.response.url);
  });
  await page.goto('/invoices');
  await expect.poll(() => headerPhoto.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(64);
  const second = new URL((await headerPhoto.getAttribute('src'))!);

  if (second.searchParams.get('X-Amz-Date') === first.searchParams.get('X-Amz-Date')) {
    expect(second.href).toBe(first.href);
    expect([...fromCache]).toContain(second.href);
  } else {
    // The two page loads straddled a window boundary: the new URL is signed at the new window's start.
    expect(second.searchParams.get('X-Amz-Date')).toMatch(/T\d\d(00|15|30|45)00Z$/);
  }
  expect(first.searchParams.get('X-Amz-Date')).toMatch(/T\d\d(00|15|30|45)00Z$/);
});

test('a photo dropped on the page is previewed, cropped square in the browser, and saved cropped', async ({ page }) => {
  await signIn(page, 'bob');
  await page.goto('/profile');
  // A 120x60 PNG, dropped on the photo area as a file from the desktop would be.
  const dropped = await page.evaluateHandle(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 120;
    canvas.height = 60;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#e11d48';
    g.fillRect(0, 0, 120, 60);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'wide.png', { type: 'image/png' }));
    return transfer;
  });
  await page.getByText('Drop a photo here').dispatchEvent('drop', { dataTransfer: dropped });
  const preview = page.getByRole('img', { name: 'Preview of the new photo' });
  await expect(preview).toBeVisible();
  await page.getByLabel('Crop to a square').check();
  await page.getByRole('button', { name: 'Save photo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your new photo is saved.' })).toBeVisible();
  const photo = page.getByRole('main').getByRole('img', { name: 'Profile photo of Bob Customer' });
  await expect
    .poll(() => photo.evaluate((el: HTMLImageElement) => el.complete && [el.naturalWidth, el.naturalHeight]))
    .toEqual([60, 60]);
  await page.getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your photo was removed.' })).toBeVisible();
});

test('an oversize photo, an empty file and a PDF renamed .jpg are refused with a clear message, and change nothing', async ({
  page,
}) => {
  await signIn(page, 'alice');
  await page.goto('/profile');
  const input = page.getByLabel('Choose photo');
  const srcBefore = await page
    .getByRole('main')
    .getByRole('img', { name: 'Profile photo of Alice Customer' })
    .getAttribute('src');

  let sentToS3 = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).origin === s3Origin && request.method() === 'POST') sentToS3++;
  });
  await input.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(6 * MB, 0xff) });
  await expect(formAlert(page)).toHaveText('The photo is 6.0 MB; the limit is 5.0 MB. Choose a smaller photo.');
  await input.setInputFiles({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
  await expect(formAlert(page)).toHaveText('The file is empty. Choose a photo with content.');
  expect(sentToS3).toBe(0);

  // Its name and declared type say JPEG, so S3 takes it; the confirm step reads its first bytes.
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await input.setInputFiles({ name: 'invoice.jpg', mimeType: 'image/jpeg', buffer: pdf });
  await page.getByRole('button', { name: 'Save photo' }).click();
  await expect(formAlert(page)).toHaveText(
    'The file is not a real JPEG image (its content is a PDF document). Choose a JPEG, PNG or WebP photo.',
  );
  expect(sentToS3).toBe(1);
  await expect(page.getByRole('main').getByRole('img', { name: 'Profile photo of Alice Customer' })).toHaveAttribute(
    'src',
    srcBefore!,
  );
});

test('alice removes her photo; her initials come back', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto('/profile');
  await expect(page.getByRole('main').getByRole('img', { name: 'Profile photo of Alice Customer' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your photo was removed.' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Profile photo of Alice Customer' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove photo' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('img', { name: 'Profile photo of Alice Customer' })).toHaveCount(0);
});

test('the profile page works on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, 'bob');
  await page.goto('/profile');
  await expect(page.getByText('Choose photo')).toBeInViewport();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

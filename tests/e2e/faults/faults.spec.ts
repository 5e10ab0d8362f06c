import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, test, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import sharp from 'sharp';
import { signIn } from '../helpers';
import { seedLibraryFile, type SeededFile } from '../share-seed';
import { builtActions, callAction } from '../attacks/built-app';
import { formData } from '../attacks/built-app';
import { run } from '../attacks/fixtures';
import { startFaultsApp, type FaultsApp } from './faults-app';

/**
 * Faults injected between the app and its services (tests/e2e/faults/fault-proxy.ts): S3 stopped in
 * the middle of an upload, a confirm and a click, S3 hanging, PostgreSQL restarted or cut off under load. Each time the user
 * gets a clear answer in bounded time (never a 500 from an action, never a hang), and once the
 * service is back the same app process serves again. At the end no record points to a missing object.
 */
test.describe.configure({ mode: 'serial' });

let app: FaultsApp;
let admin: APIRequestContext;
let alice: APIRequestContext;
const completedUploads: string[] = [];
const seeded: SeededFile[] = [];

test.beforeAll(async ({ browser }) => {
  app = await startFaultsApp();
  const context = await browser.newContext({ baseURL: app.url });
  await signIn(await context.newPage(), 'admin');
  admin = context.request;
  const aliceContext = await browser.newContext({ baseURL: app.url });
  await signIn(await aliceContext.newPage(), 'alice');
  alice = aliceContext.request;
});

test.afterAll(async () => {
  app.s3.restore();
  app.db.restore();
  for (const file of seeded) await file.remove();
  await app?.stop();
});

const action = (name: string) => {
  const found = builtActions().find((a) => a.name.endsWith(`#${name}`));
  if (!found) throw new Error(`no action ${name} in the build`);
  return found;
};

async function startUpload(bytes: Buffer) {
  return run<{ fileId: string; kind: string; url: string; headers: Record<string, string> }>(
    admin,
    'createLibraryFileUploadAction',
    [{ name: `fault ${randomBytes(3).toString('hex')}.pdf`, sizeBytes: bytes.length, contentType: 'application/pdf' }],
  );
}

/** The browser's PUT to the pre-signed URL; `cutAfter` stops S3 once that many bytes went out. */
function put(upload: { url: string; headers: Record<string, string> }, bytes: Buffer, cutAfter?: () => void) {
  return new Promise<number>((resolve, reject) => {
    const request = http.request(upload.url, {
      method: 'PUT',
      headers: { ...upload.headers, 'Content-Length': bytes.length },
    });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    if (!cutAfter) return void request.end(bytes);
    request.write(bytes.subarray(0, bytes.length / 2), () => {
      cutAfter();
      request.end(bytes.subarray(bytes.length / 2));
    });
  });
}

const complete = (fileId: string) => callAction(admin, action('completeLibraryFileUploadAction'), [{ fileId }]);

test('S3 stopped in the middle of an upload: the upload fails, confirming says storage is down, and it succeeds once S3 is back', async () => {
  const bytes = randomBytes(1024 * 1024);
  const upload = await startUpload(bytes);
  expect(upload.kind).toBe('single');
  const connectionsBefore = app.s3.connections;
  await expect(put(upload, bytes, () => app.s3.stop())).rejects.toThrow();
  expect(app.s3.connections, 'the upload went through the fault proxy').toBeGreaterThan(connectionsBefore);

  const whileDown = await complete(upload.fileId);
  expect(whileDown.status).toBe(200);
  expect(whileDown.state).toMatchObject({ status: 'error', message: expect.stringContaining('not answering') });

  app.s3.restore();
  // The half-sent body was never stored: the file is still not ready, and the app says so.
  const partial = await complete(upload.fileId);
  expect(partial.state).toMatchObject({ status: 'error', message: expect.stringContaining('has not arrived') });
  expect(await put(upload, bytes)).toBe(200);
  expect((await complete(upload.fileId)).state).toMatchObject({ status: 'success' });
  completedUploads.push(upload.fileId);
});

test('S3 answering slowly: the app gives up within its timeouts and tells the user, then serves once S3 answers', async () => {
  const bytes = randomBytes(64 * 1024);
  const upload = await startUpload(bytes);
  expect(await put(upload, bytes)).toBe(200);
  app.s3.stall();
  const slow = await complete(upload.fileId);
  expect(slow.status).toBe(200);
  expect(slow.state).toMatchObject({ status: 'error', message: expect.stringContaining('not answering') });
  app.s3.restore();
  expect((await complete(upload.fileId)).state).toMatchObject({ status: 'success' });
  completedUploads.push(upload.fileId);
});

test('S3 stopped while a photo is confirmed: the user is told, and the same upload is confirmed once S3 is back', async () => {
  const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#2563eb' } })
    .png()
    .toBuffer();
  const form = await run<{ url: string; fields: Record<string, string>; uploadId: string }>(
    alice,
    'createAvatarUploadAction',
    [{ contentType: 'image/png', size: photo.length }],
  );
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  body.append('file', new Blob([photo], { type: 'image/png' }));
  expect((await fetch(form.url, { method: 'POST', body })).status).toBeLessThan(300);

  const confirm = () => callAction(alice, action('confirmAvatarUploadAction'), [{ uploadId: form.uploadId }]);
  app.s3.stop();
  const whileDown = await confirm();
  expect(whileDown.status, 'an answer, not a 500').toBe(200);
  expect(whileDown.state).toMatchObject({ status: 'error', message: expect.stringContaining('not answering') });
  app.s3.restore();
  expect((await confirm()).state).toMatchObject({ status: 'success' });
});

test('S3 stopped in the middle of a click: no 500, the partner gets the file once S3 is back, and retrying does not use up the limit', async ({
  playwright,
}) => {
  const file = await seedLibraryFile('fault click.pdf');
  seeded.push(file);
  const share = await run<{ shareId: string; links: { recipientId: string; url: string }[] }>(
    admin,
    'createShareAction',
    [
      { status: 'idle' },
      formData({
        title: 'Fault click',
        message: '',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        password: '',
        maxDownloads: '2',
        fileId: [file.id],
        recipientName: ['Partner'],
        recipientEmail: ['partner@example.com'],
      }),
    ],
  );
  const token = new URL(share.links[0].url).pathname.split('/').pop()!;
  const partner = await playwright.request.newContext({ baseURL: app.url });
  const click = () => partner.get(`/s/${token}/files/${file.id}`, { maxRedirects: 0 });

  app.s3.stop();
  const during = await click();
  expect(during.status()).toBe(303);
  const signed = during.headers()['location'];
  expect(new URL(signed).port, 'the click URL goes to the stopped store').toBe(String(app.s3.port));
  await expect(fetch(signed)).rejects.toThrow();
  app.s3.restore();

  // Retries within the failed click's URL lifetime (a minute) are granted and not counted again, so
  // the outage costs the partner one download of two, however often they retry.
  const downloads: Buffer[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const response = await click();
    expect(response.status(), 'a click is answered, never with a 500').toBeLessThan(500);
    if (response.status() !== 303) break;
    const object = await fetch(response.headers()['location']!);
    expect(object.status).toBe(200);
    downloads.push(Buffer.from(await object.arrayBuffer()));
  }
  expect(downloads.length, 'every retry gets the file').toBe(4);
  for (const bytes of downloads) expect(bytes.equals(file.bytes)).toBe(true);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ downloadCount: number }>(
      `SELECT "downloadCount" FROM "ShareRecipient" WHERE "id" = $1`,
      [share.links[0].recipientId],
    );
    expect(rows[0].downloadCount, 'the click during the outage counted once, the retries not at all').toBe(1);
  } finally {
    await db.end();
  }
  await partner.dispose();
});

/**
 * PostgreSQL going away while requests are in flight, two ways: restarted (each of the app's backends
 * ended by the server, FATAL 57P01 as a shutdown sends, and new connections refused until it is back)
 * and crashed or cut off (every connection reset, new ones refused).
 */
const databaseOutages = {
  restarted: async () => {
    app.db.stop({ cut: false });
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const ended = await db.query(
        `SELECT pg_terminate_backend("pid") FROM pg_stat_activity WHERE "client_port" = ANY($1::int[])`,
        [app.db.upstreamPorts()],
      );
      expect(ended.rowCount, 'the app had connections to end').toBeGreaterThan(0);
    } finally {
      await db.end();
    }
  },
  'cut off': async () => app.db.stop(),
};

for (const [how, outage] of Object.entries(databaseOutages)) {
  test(`PostgreSQL ${how} under load: health says 503, nothing hangs, and the same process serves again`, async ({
    playwright,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL: app.url });
    const load = [
      () => anonymous.get('/api/health', { timeout: 30_000 }),
      () => anonymous.get('/login', { timeout: 30_000 }),
      () => admin.get('/admin/files', { timeout: 30_000, maxRedirects: 0 }),
      () => admin.get('/admin/shares', { timeout: 30_000, maxRedirects: 0 }),
    ];
    const wave = () => Promise.all(load.map((request) => request().then((r) => r.status())));
    expect(await wave()).toEqual([200, 200, 200, 200]);

    // In flight when the database goes: every one of them ends (a status, not a hang).
    const inFlight = Promise.all([wave(), wave()]);
    await outage();
    const statuses = (await inFlight).flat();
    expect(statuses.every((status) => status >= 200)).toBe(true);
    expect((await anonymous.get('/api/health', { timeout: 30_000 })).status()).toBe(503);
    app.db.restore();

    await expect
      .poll(async () => (await anonymous.get('/api/health', { timeout: 30_000 })).status(), { timeout: 30_000 })
      .toBe(200);
    for (let round = 0; round < 3; round++) expect(await wave()).toEqual([200, 200, 200, 200]);
    // A write after the outage: the pool's connections are new and work.
    const bytes = randomBytes(4096);
    const upload = await startUpload(bytes);
    expect(await put(upload, bytes)).toBe(200);
    expect((await complete(upload.fileId)).state).toMatchObject({ status: 'success' });
    completedUploads.push(upload.fileId);
    await anonymous.dispose();
  });
}

test('afterwards no record points to a missing object, and no completed upload is lost', async () => {
  const client = new S3Client({
    region: process.env.S3_REGION ?? 'us-east-1',
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
  });
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const keys = (
      await db.query<{ key: string }>(
        `SELECT "objectKey" AS key FROM "LibraryFile" WHERE "status" = 'READY'
         UNION ALL SELECT "objectKey" FROM "Invoice" WHERE "status" <> 'PENDING_UPLOAD'
         UNION ALL SELECT "avatarKey" FROM "User" WHERE "avatarKey" IS NOT NULL`,
      )
    ).rows.map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const key of keys)
      await client
        .send(new HeadObjectCommand({ Bucket: process.env.S3_BUCKET, Key: key }))
        .catch(() => missing.push(key));
    expect(missing, `records whose object is missing (of ${keys.length} checked)`).toEqual([]);
    const ready = await db.query(`SELECT "id" FROM "LibraryFile" WHERE "id" = ANY($1) AND "status" = 'READY'`, [
      completedUploads,
    ]);
    expect(ready.rowCount).toBe(completedUploads.length);
    expect(completedUploads.length).toBe(4);
  } finally {
    await db.end();
  }
});

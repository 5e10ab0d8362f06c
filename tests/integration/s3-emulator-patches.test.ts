// The in-process S3 emulator (@20minutes/s3rver) as patched by patches/*.patch: one describe per
// patch, against an emulator of its own (whatever store the rest of the suite runs on), through the
// AWS SDK and plain HTTP as the app and the browser use it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetBucketCorsCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../scripts/lib/s3-local.mjs';

const BUCKET = 'patched';
const MiB = 1024 * 1024;
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let client: S3Client;
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'guestpass-s3-patches-'));

beforeAll(async () => {
  const cors =
    '<CORSConfiguration><CORSRule><AllowedOrigin>http://app.test</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader></CORSRule></CORSConfiguration>';
  emulator = await startEmulator({ directory, port: 0, bucket: BUCKET, corsXml: cors });
  client = new S3Client({
    region: 'us-east-1',
    endpoint: emulator.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: emulator.accessKeyId, secretAccessKey: emulator.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
});
afterAll(async () => {
  await emulator?.stop();
  fs.rmSync(directory, { recursive: true, force: true });
});

const key = (prefix = 'k') => `${prefix}/${randomBytes(6).toString('hex')}`;
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: { name: string; $metadata?: { httpStatusCode?: number } }) => `${e.name} ${e.$metadata?.httpStatusCode}`,
  );

describe('patch 001 sigv4-canonical-request', () => {
  it('accepts the SDK’s bucket-level requests, which it signs with a trailing slash (/bucket/)', async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(listed.$metadata.httpStatusCode).toBe(200);
    expect(await errorOf(client.send(new GetBucketCorsCommand({ Bucket: BUCKET })))).toBeNull();
  });

  it("verifies query signatures whose values hold UTF-8 and ! ' ( ) *", async () => {
    const objectKey = key();
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: objectKey, Body: 'hello' }));
    const name = "Rechnung März 2026 (final) l'été*!.pdf";
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
    const url = await getSignedUrl(
      client,
      new GetObjectCommand({
        Bucket: BUCKET,
        Key: objectKey,
        ResponseContentDisposition: disposition,
        ResponseContentType: 'application/pdf',
      }),
      { expiresIn: 60 },
    );
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(disposition);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect((await fetch(url.replace('%28final%29', '%28fina1%29'))).status).toBe(403);
  });
});

describe('patch 002 bucket-subresources-not-implemented', () => {
  it('answers NotImplemented (501) to bucket settings it does not have, instead of a listing or 405', async () => {
    for (const command of [
      new GetBucketPolicyCommand({ Bucket: BUCKET }),
      new GetPublicAccessBlockCommand({ Bucket: BUCKET }),
      new GetBucketOwnershipControlsCommand({ Bucket: BUCKET }),
      new GetBucketVersioningCommand({ Bucket: BUCKET }),
    ]) {
      expect(await errorOf(client.send(command as never))).toBe('NotImplemented 501');
    }
  });
});

describe('patch 003 multipart-list-parts-abort-list-uploads', () => {
  async function openUpload(objectKey: string) {
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: objectKey, ContentType: 'application/octet-stream' }),
    );
    return UploadId!;
  }
  const put = (objectKey: string, uploadId: string, partNumber: number, body: Buffer) =>
    client.send(
      new UploadPartCommand({ Bucket: BUCKET, Key: objectKey, UploadId: uploadId, PartNumber: partNumber, Body: body }),
    );

  it('lists parts a page at a time, completes with S3’s multipart ETag, and HeadObject agrees', async () => {
    const objectKey = key();
    const uploadId = await openUpload(objectKey);
    const bodies = [randomBytes(5 * MiB), randomBytes(5 * MiB), randomBytes(1000)];
    const etags = [];
    for (const [i, body] of bodies.entries()) etags.push((await put(objectKey, uploadId, i + 1, body)).ETag!);
    const first = await client.send(
      new ListPartsCommand({ Bucket: BUCKET, Key: objectKey, UploadId: uploadId, MaxParts: 2 }),
    );
    expect(first.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size])).toEqual([
      [1, etags[0], 5 * MiB],
      [2, etags[1], 5 * MiB],
    ]);
    expect(first.IsTruncated).toBe(true);
    const second = await client.send(
      new ListPartsCommand({
        Bucket: BUCKET,
        Key: objectKey,
        UploadId: uploadId,
        PartNumberMarker: first.NextPartNumberMarker,
      }),
    );
    expect(second.Parts?.map((p) => p.PartNumber)).toEqual([3]);
    expect(second.IsTruncated).toBe(false);

    const done = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: objectKey,
        UploadId: uploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
      }),
    );
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: objectKey }));
    expect([head.ETag, head.ContentLength]).toEqual([done.ETag, 10 * MiB + 1000]);
    expect(
      await errorOf(client.send(new ListPartsCommand({ Bucket: BUCKET, Key: objectKey, UploadId: uploadId }))),
    ).toBe('NoSuchUpload 404');
  });

  it('refuses to complete with a wrong ETag, parts out of order, or a small part before the last', async () => {
    const objectKey = key();
    const uploadId = await openUpload(objectKey);
    const a = (await put(objectKey, uploadId, 1, randomBytes(1000))).ETag!;
    const b = (await put(objectKey, uploadId, 2, randomBytes(1000))).ETag!;
    const complete = (parts: { PartNumber: number; ETag: string }[]) =>
      errorOf(
        client.send(
          new CompleteMultipartUploadCommand({
            Bucket: BUCKET,
            Key: objectKey,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        ),
      );
    expect(await complete([{ PartNumber: 1, ETag: b }])).toBe('InvalidPart 400');
    expect(
      await complete([
        { PartNumber: 2, ETag: b },
        { PartNumber: 1, ETag: a },
      ]),
    ).toBe('InvalidPartOrder 400');
    expect(
      await complete([
        { PartNumber: 1, ETag: a },
        { PartNumber: 2, ETag: b },
      ]),
    ).toBe('EntityTooSmall 400');
  });

  it('aborts an upload: its parts are gone, later parts and a second abort answer NoSuchUpload', async () => {
    const objectKey = key('aborted');
    const uploadId = await openUpload(objectKey);
    await put(objectKey, uploadId, 1, randomBytes(100));
    await client.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: objectKey, UploadId: uploadId }));
    expect(await errorOf(put(objectKey, uploadId, 2, randomBytes(100)))).toBe('NoSuchUpload 404');
    expect(
      await errorOf(
        client.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: objectKey, UploadId: uploadId })),
      ),
    ).toBe('NoSuchUpload 404');
    expect(
      await errorOf(
        client.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'another/key', UploadId: await openUpload(key()) })),
      ),
    ).toBe('NoSuchUpload 404');
  });

  it('a part PUT to an aborted upload fails with CORS headers, so a browser reads the real error', async () => {
    const objectKey = key();
    const uploadId = await openUpload(objectKey);
    const url = await getSignedUrl(
      client,
      new UploadPartCommand({ Bucket: BUCKET, Key: objectKey, UploadId: uploadId, PartNumber: 1 }),
      { expiresIn: 60 },
    );
    const ok = await fetch(url, { method: 'PUT', body: 'x', headers: { Origin: 'http://app.test' } });
    expect([ok.status, ok.headers.get('access-control-expose-headers')]).toEqual([200, 'ETag']);
    await client.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: objectKey, UploadId: uploadId }));
    const gone = await fetch(url, { method: 'PUT', body: 'x', headers: { Origin: 'http://app.test' } });
    expect([gone.status, gone.headers.get('access-control-allow-origin')]).toEqual([404, 'http://app.test']);
    expect(await gone.text()).toContain('<Code>NoSuchUpload</Code>');
  });

  it('a part whose request breaks off mid-body leaves no trace, and the earlier copy of that part stays', async () => {
    const objectKey = key();
    const uploadId = await openUpload(objectKey);
    const first = await put(objectKey, uploadId, 1, randomBytes(1000));
    const url = new URL(
      await getSignedUrl(
        client,
        new UploadPartCommand({ Bucket: BUCKET, Key: objectKey, UploadId: uploadId, PartNumber: 1 }),
        { expiresIn: 60 },
      ),
    );
    await new Promise<void>((resolve) => {
      const request = http.request(url, { method: 'PUT', headers: { 'Content-Length': 2000 } });
      request.on('error', () => resolve());
      request.write(randomBytes(500), () => setTimeout(() => request.destroy(), 100));
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the server notices the broken request
    const { Parts } = await client.send(new ListPartsCommand({ Bucket: BUCKET, Key: objectKey, UploadId: uploadId }));
    expect(Parts?.map((p) => [p.PartNumber, p.ETag, p.Size])).toEqual([[1, first.ETag, 1000]]);
  });

  it('lists open uploads under a prefix, a page at a time, by key then upload id', async () => {
    const prefix = key('listing');
    const opened = [];
    for (const name of ['b', 'a', 'a'])
      opened.push({ Key: `${prefix}/${name}`, UploadId: await openUpload(`${prefix}/${name}`) });
    await openUpload(key('elsewhere'));
    const expected = opened.sort((x, y) =>
      x.Key === y.Key ? (x.UploadId < y.UploadId ? -1 : 1) : x.Key < y.Key ? -1 : 1,
    );
    const first = await client.send(
      new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: `${prefix}/`, MaxUploads: 2 }),
    );
    expect(first.IsTruncated).toBe(true);
    const second = await client.send(
      new ListMultipartUploadsCommand({
        Bucket: BUCKET,
        Prefix: `${prefix}/`,
        KeyMarker: first.NextKeyMarker,
        UploadIdMarker: first.NextUploadIdMarker,
      }),
    );
    expect(second.IsTruncated).toBe(false);
    expect([...first.Uploads!, ...second.Uploads!].map((u) => ({ Key: u.Key, UploadId: u.UploadId }))).toEqual(
      expected,
    );
  });
});

describe('patch 004 post-object-policy', () => {
  async function form(conditions: NonNullable<Parameters<typeof createPresignedPost>[1]['Conditions']>, expires = 60) {
    return createPresignedPost(client, {
      Bucket: BUCKET,
      Key: 'uploads/one',
      Conditions: conditions,
      Fields: { 'Content-Type': 'image/png' },
      Expires: expires,
    });
  }
  async function post(
    target: { url: string; fields: Record<string, string> },
    body: string,
    overrides: Record<string, string> = {},
  ) {
    const data = new FormData();
    for (const [name, value] of Object.entries({ ...target.fields, ...overrides })) data.append(name, value);
    data.append('file', new Blob([body]), 'f.png');
    const response = await fetch(target.url, { method: 'POST', body: data });
    return `${response.status} ${/<Code>(\w+)<\/Code>/.exec(await response.text())?.[1] ?? ''}`.trim();
  }
  const conditions = [
    ['content-length-range', 1, 10],
    ['eq', '$Content-Type', 'image/png'],
    ['starts-with', '$key', 'uploads/'],
  ] as const;

  it('stores a file that meets every condition', async () => {
    const target = await form([...conditions] as never);
    expect(await post(target, 'png bytes')).toBe('204');
    expect(await errorOf(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'uploads/one' })))).toBeNull();
  });

  it('enforces content-length-range, eq, starts-with and the fields the policy names', async () => {
    const target = await form([...conditions] as never);
    expect(await post(target, 'more than ten bytes')).toBe('400 EntityTooLarge');
    expect(await post(target, '')).toBe('400 EntityTooSmall');
    expect(await post(target, 'png', { 'Content-Type': 'text/html' })).toBe('403 AccessDenied');
    expect(await post(target, 'png', { key: 'elsewhere/one' })).toBe('403 AccessDenied');
    expect(await post(target, 'png', { 'x-amz-meta-extra': 'not in the policy' })).toBe('403 AccessDenied');
  });

  it('refuses an expired policy and a forged signature', async () => {
    expect(await post(await form([...conditions] as never, -1), 'png')).toBe('403 AccessDenied');
    expect(await post(await form([...conditions] as never), 'png', { 'X-Amz-Signature': '0'.repeat(64) })).toBe(
      '403 SignatureDoesNotMatch',
    );
  });
});

describe('patch 005 private-buckets', () => {
  it('refuses unsigned requests, as a private S3 bucket does, but still answers CORS preflights', async () => {
    const objectKey = key();
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: objectKey, Body: 'secret' }));
    expect((await fetch(`${emulator.endpoint}/${BUCKET}/${objectKey}`)).status).toBe(403);
    expect(
      (await fetch(`${emulator.endpoint}/${BUCKET}/${objectKey}`, { method: 'PUT', body: 'overwritten' })).status,
    ).toBe(403);
    expect((await fetch(`${emulator.endpoint}/${BUCKET}/`)).status).toBe(403);
    const data = new FormData();
    data.append('key', objectKey);
    data.append('file', new Blob(['overwritten']));
    expect((await fetch(`${emulator.endpoint}/${BUCKET}`, { method: 'POST', body: data })).status).toBe(403);
    const preflight = await fetch(`${emulator.endpoint}/${BUCKET}/${objectKey}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(preflight.status).toBe(200);
  });
});

import { GetObjectCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubStorageEnv } from '../helpers/storage-env';

// lib/storage/presign.ts builds requests itself and signs them with the SDK's SignatureV4. This
// proves that, for the same inputs and clock, every URL kind comes out byte for byte as the SDK's own
// presigners (getSignedUrl, createPresignedPost) make it with the app's client, in every addressing
// mode the app supports. Nothing is mocked: both sides use the client lib/storage/client.ts builds.
async function load(env: Record<string, string>) {
  stubStorageEnv(env);
  return {
    presign: await import('@/lib/storage/presign'),
    client: await import('@/lib/storage/client'),
  };
}

const CONFIGURATIONS: Record<string, Record<string, string>> = {
  'path style, custom endpoint': { S3_ENDPOINT: 'http://127.0.0.1:7480', S3_FORCE_PATH_STYLE: 'true' },
  'path style, session token': {
    S3_ENDPOINT: 'http://127.0.0.1:7480',
    S3_FORCE_PATH_STYLE: 'true',
    AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjE+/=token with spaces&more',
    AWS_CREDENTIAL_EXPIRATION: new Date(Date.now() + 6 * 3600_000).toISOString(),
  },
  'virtual-hosted AWS': {},
  'virtual-hosted AWS, session token': {
    S3_REGION: 'eu-central-1',
    AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEJr//////////wEaDK+token=',
    AWS_CREDENTIAL_EXPIRATION: new Date(Date.now() + 6 * 3600_000).toISOString(),
  },
  'bucket name with dots (the rules force path style)': { S3_BUCKET: 'files.example.com' },
  'access point ARN for invoices and the library': {
    S3_ACCESS_POINT_INVOICES: 'arn:aws:s3:eu-west-1:123456789012:accesspoint/guestpass-invoices',
    S3_ACCESS_POINT_LIBRARY: 'guestpass-library-abcdefghijklmnopqrstuvwxyz12-s3alias',
  },
};

const KEYS = [
  'invoices/cust00001/inv000001.pdf',
  "library/clfile0001/ünï cödé (1)!*'.txt",
  'avatars/user0001/~tilde+plus&amp=;,$@',
  'library/日本語/ファイル.png',
];
const NAMES = ['INV-2026-0001.pdf', 'Rechnung März "2026".pdf', '報告書 (最終).xlsx', 'a;b,c=d.txt'];
const signedAt = new Date('2026-11-29T10:11:12.345Z');
const TTL = 60;

describe('the fast signing path gives the SDK presigner’s exact URLs', () => {
  afterEach(() => vi.unstubAllEnvs());

  for (const [label, env] of Object.entries(CONFIGURATIONS)) {
    it(label, async () => {
      const { presign, client } = await load(env);
      const s3 = client.s3();
      const sdk = { expiresIn: TTL, signingDate: signedAt };
      for (const [i, key] of KEYS.entries()) {
        const Bucket = client.bucketForKey(key);
        const get = await presign.presignGet(key, {
          purpose: 'download',
          ttlSeconds: TTL,
          signedAt,
          downloadName: NAMES[i],
          responseContentType: 'application/pdf',
        });
        const sdkGet = await getSignedUrl(
          s3,
          new GetObjectCommand({
            Bucket,
            Key: key,
            ResponseContentDisposition: presign.contentDisposition(NAMES[i]),
            ResponseContentType: 'application/pdf',
          }),
          sdk,
        );
        expect(get.url).toBe(sdkGet);
        expect(get.expiresAt).toEqual(new Date(signedAt.getTime() + TTL * 1000));

        const plain = await presign.presignGet(key, { purpose: 'download', ttlSeconds: TTL, signedAt });
        expect(plain.url).toBe(await getSignedUrl(s3, new GetObjectCommand({ Bucket, Key: key }), sdk));

        const put = await presign.presignPut(key, { contentType: 'image/png', ttlSeconds: TTL, signedAt });
        const sdkPut = await getSignedUrl(s3, new PutObjectCommand({ Bucket, Key: key, ContentType: 'image/png' }), {
          ...sdk,
          signableHeaders: new Set(['content-type']),
        });
        expect(put.url).toBe(sdkPut);
        expect(new URL(put.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');

        const uploadId = '2~abc/DEF+ghi=';
        const part = await presign.presignUploadPart(key, uploadId, 7, { ttlSeconds: TTL, signedAt });
        const sdkPart = await getSignedUrl(
          s3,
          new UploadPartCommand({ Bucket, Key: key, UploadId: uploadId, PartNumber: 7 }),
          sdk,
        );
        expect(part.url).toBe(sdkPart);

        // createPresignedPost has no signing date: it reads the clock, which is set for it alone.
        const post = await presign.presignPost(key, {
          contentType: 'image/png',
          maxBytes: 5_242_880,
          ttlSeconds: TTL,
          signedAt,
        });
        vi.useFakeTimers({ now: signedAt, toFake: ['Date'] });
        const sdkPost = await createPresignedPost(s3, {
          Bucket: client.bucket(),
          Key: key,
          Expires: TTL,
          Fields: { 'Content-Type': 'image/png' },
          Conditions: [
            ['eq', '$Content-Type', 'image/png'],
            ['content-length-range', 1, 5_242_880],
          ],
        }).finally(() => vi.useRealTimers());
        expect({ url: post.url, fields: post.fields }).toEqual(sdkPost);
      }
    });
  }

  it('the access point’s host and region are the ones the rules resolve', async () => {
    const { presign } = await load(CONFIGURATIONS['access point ARN for invoices and the library']);
    const url = new URL((await presign.presignGet(KEYS[0], { purpose: 'invoice', signedAt })).url);
    expect(url.host).toBe('guestpass-invoices-123456789012.s3-accesspoint.eu-west-1.amazonaws.com');
  });

  it('refreshes credentials that are about to expire, and signs with the new ones', async () => {
    const soon = new Date(Date.now() + 4 * 60_000).toISOString();
    const { presign } = await load({ AWS_SESSION_TOKEN: 'first-session', AWS_CREDENTIAL_EXPIRATION: soon });
    const token = async () =>
      new URL((await presign.presignGet(KEYS[0], { purpose: 'download' })).url).searchParams.get(
        'X-Amz-Security-Token',
      );
    expect(await token()).toBe('first-session');
    // A role session renewed by the environment (as a container credentials agent does).
    vi.stubEnv('AWS_SESSION_TOKEN', 'second-session');
    vi.stubEnv('AWS_CREDENTIAL_EXPIRATION', new Date(Date.now() + 3600_000).toISOString());
    expect(await token()).toBe('second-session');
  });
});

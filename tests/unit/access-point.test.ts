import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubStorageEnv } from '../helpers/storage-env';

const INVOICES_AP = 'arn:aws:s3:eu-west-1:123456789012:accesspoint/guestpass-invoices';

async function load(env: Record<string, string>) {
  stubStorageEnv(env);
  return import('@/lib/storage/presign');
}

describe('Access Points per use case', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('signs a key of a use case with an access point ARN for the access point’s own host', async () => {
    const presign = await load({ S3_ACCESS_POINT_INVOICES: INVOICES_AP });
    const invoice = new URL((await presign.presignGet('invoices/cust00001/inv000001.pdf', { purpose: 'invoice' })).url);
    expect(invoice.host).toBe('guestpass-invoices-123456789012.s3-accesspoint.eu-west-1.amazonaws.com');
    expect(invoice.pathname).toBe('/invoices/cust00001/inv000001.pdf');
    // The credential scope names the ARN's region and the s3 service.
    expect(invoice.searchParams.get('X-Amz-Credential')).toMatch(/\/eu-west-1\/s3\/aws4_request$/);

    // Other use cases keep the bucket.
    const avatar = new URL(
      (await presign.presignPut('avatars/quarantine/user0001/upload0001', { contentType: 'image/png' })).url,
    );
    expect(avatar.host).toBe('guestpass-prod.s3.eu-west-1.amazonaws.com');
  });

  it('signs multipart part URLs for the access point too', async () => {
    const presign = await load({ S3_ACCESS_POINT_LIBRARY: 'arn:aws:s3:eu-west-1:123456789012:accesspoint/gp-library' });
    const part = new URL((await presign.presignUploadPart('library/file00001', 'upload-id', 1)).url);
    expect(part.host).toBe('gp-library-123456789012.s3-accesspoint.eu-west-1.amazonaws.com');
  });

  it('keeps POST forms on the bucket, since access points do not accept POST Object', async () => {
    const presign = await load({ S3_ACCESS_POINT_AVATARS: 'arn:aws:s3:eu-west-1:123456789012:accesspoint/gp-avatars' });
    expect(
      new URL((await presign.presignPut('avatars/quarantine/user0001/upload0001', { contentType: 'image/png' })).url)
        .host,
    ).toBe('gp-avatars-123456789012.s3-accesspoint.eu-west-1.amazonaws.com');
    const form = await presign.presignPost('avatars/quarantine/user0001/upload0002', {
      contentType: 'image/png',
      maxBytes: 1024,
    });
    expect(new URL(form.url).host).toBe('guestpass-prod.s3.eu-west-1.amazonaws.com');
    expect(form.fields.bucket).toBe('guestpass-prod');
  });

  it('accepts an alias in place of the bucket name', async () => {
    const presign = await load({ S3_ACCESS_POINT_AVATARS: 'guestpass-avatars-abcdefgh1234567890-s3alias' });
    const url = new URL(
      (await presign.presignPut('avatars/quarantine/user0001/upload0001', { contentType: 'image/png' })).url,
    );
    expect(url.host).toBe('guestpass-avatars-abcdefgh1234567890-s3alias.s3.eu-west-1.amazonaws.com');
  });

  it('refuses an ARN in another region, a malformed value, or an access point with a custom endpoint', async () => {
    const { parseEnv } = await import('@/lib/env');
    const base = {
      DATABASE_URL: 'postgresql://localhost/app',
      APP_URL: 'https://files.example.com',
      AUTH_SECRET: 'x'.repeat(32),
      S3_BUCKET: 'guestpass-prod',
      S3_REGION: 'eu-west-1',
    };
    expect(() =>
      parseEnv({ ...base, S3_ACCESS_POINT_INVOICES: INVOICES_AP.replace('eu-west-1', 'us-east-1') }),
    ).toThrow(/S3_ACCESS_POINT_INVOICES is in region us-east-1, but S3_REGION is eu-west-1/);
    expect(() => parseEnv({ ...base, S3_ACCESS_POINT_LIBRARY: 'my-bucket' })).toThrow(
      /S3_ACCESS_POINT_LIBRARY must be an S3 Access Point ARN/,
    );
    expect(() =>
      parseEnv({
        ...base,
        S3_ENDPOINT: 'http://127.0.0.1:7480',
        S3_ACCESS_POINT_AVATARS: 'arn:aws:s3:eu-west-1:123456789012:accesspoint/a1',
      }),
    ).toThrow(/cannot be used with S3_ENDPOINT/);
  });

  it('stops a deployment that still sets the library access point under its old name', async () => {
    const { parseEnv } = await import('@/lib/env');
    const base = {
      DATABASE_URL: 'postgresql://localhost/app',
      APP_URL: 'https://files.example.com',
      AUTH_SECRET: 'x'.repeat(32),
      S3_BUCKET: 'guestpass-prod',
      S3_REGION: 'eu-west-1',
    };
    expect(() =>
      parseEnv({ ...base, S3_ACCESS_POINT_PARTNER_FILES: 'arn:aws:s3:eu-west-1:123456789012:accesspoint/gp-library' }),
    ).toThrow(/S3_ACCESS_POINT_PARTNER_FILES was renamed to S3_ACCESS_POINT_LIBRARY/);
  });

  it('validates one variable per use case that may have an access point, named from the use-case table', async () => {
    const { USE_CASES } = await import('@/lib/storage/security/use-cases');
    expect(USE_CASES.map((u) => u.accessPointVariable)).toEqual([
      'S3_ACCESS_POINT_AVATARS',
      'S3_ACCESS_POINT_INVOICES',
      'S3_ACCESS_POINT_LIBRARY',
      undefined,
    ]);
    const { parseEnv } = await import('@/lib/env');
    const base = {
      DATABASE_URL: 'postgresql://localhost/app',
      APP_URL: 'https://files.example.com',
      AUTH_SECRET: 'x'.repeat(32),
      S3_BUCKET: 'guestpass-prod',
      S3_REGION: 'eu-west-1',
    };
    expect(
      parseEnv({ ...base, S3_ACCESS_POINT_LIBRARY: 'gp-library-abcdefgh1234567890-s3alias' }).S3_ACCESS_POINT_LIBRARY,
    ).toBe('gp-library-abcdefgh1234567890-s3alias');
  });
});

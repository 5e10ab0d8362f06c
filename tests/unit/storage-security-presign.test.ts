import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubStorageEnv } from '../helpers/storage-env';

// lib/env and the S3 client are created once per module instance: each test loads fresh modules.
// Credentials come from the SDK's own environment provider (AWS_CREDENTIAL_EXPIRATION marks them
// temporary, as a role session's are); nothing is mocked.
async function load(env: Record<string, string>) {
  stubStorageEnv(env);
  return { presign: await import('@/lib/storage/presign'), ttl: await import('@/lib/storage/ttl') };
}

const expiresParam = (url: string) => Number(new URL(url).searchParams.get('X-Amz-Expires'));

describe('effective lifetime of pre-signed URLs', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('caps every TTL at the remaining lifetime of temporary credentials, and reports the real expiry', async () => {
    const credentialsExpire = new Date(Date.now() + 10 * 60_000);
    const { presign } = await load({
      AWS_SESSION_TOKEN: 'session-token',
      AWS_CREDENTIAL_EXPIRATION: credentialsExpire.toISOString(),
    });
    const invoice = await presign.presignGet('invoices/cust00001/inv000001.pdf', { purpose: 'invoice' });
    expect(expiresParam(invoice.url)).toBeLessThanOrEqual(600);
    expect(expiresParam(invoice.url)).toBeGreaterThan(590);
    expect(Math.abs(invoice.expiresAt.getTime() - credentialsExpire.getTime())).toBeLessThan(1500);
    expect(invoice.expiresAt.getTime()).toBeLessThanOrEqual(credentialsExpire.getTime());

    // Shorter than what the credentials have left: untouched.
    const upload = await presign.presignPut('avatars/quarantine/user0001/upload0001', { contentType: 'image/png' });
    expect(expiresParam(upload.url)).toBe(300);
    const post = await presign.presignPost('avatars/quarantine/user0001/upload0002', {
      contentType: 'image/png',
      maxBytes: 1024,
    });
    expect(post.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(300_000);
  });

  it('caps multipart part URLs the same way', async () => {
    const credentialsExpire = new Date(Date.now() + 2 * 60_000);
    const { presign } = await load({
      AWS_SESSION_TOKEN: 'session-token',
      AWS_CREDENTIAL_EXPIRATION: credentialsExpire.toISOString(),
    });
    const part = await presign.presignUploadPart('library/file00001', 'upload-id', 3);
    expect(expiresParam(part.url)).toBeLessThanOrEqual(120);
    expect(expiresParam(part.url)).toBeGreaterThan(110);
    expect(part.expiresAt.getTime()).toBeLessThanOrEqual(credentialsExpire.getTime());
    const query = new URL(part.url).searchParams;
    expect([query.get('partNumber'), query.get('uploadId')]).toEqual(['3', 'upload-id']);
    await expect(presign.presignUploadPart('library/file00001', 'upload-id', 10_001)).rejects.toThrow(RangeError);
  });

  it('keeps the full TTL with long-term keys', async () => {
    const { presign } = await load({});
    const invoice = await presign.presignGet('invoices/cust00001/inv000001.pdf', { purpose: 'invoice' });
    expect(expiresParam(invoice.url)).toBe(86_400);
    expect(invoice.expiresAt.getTime() - Date.now()).toBeGreaterThan(86_390_000);
  });

  it('effectiveTtl takes the earlier of the two, and refuses expired credentials', async () => {
    const { ttl } = await load({});
    const now = new Date('2026-11-28T12:00:00Z');
    expect(ttl.effectiveTtl(3600, new Date('2026-11-28T12:20:00Z'), now)).toEqual({
      seconds: 1200,
      cappedByCredentials: true,
    });
    expect(ttl.effectiveTtl(300, new Date('2026-11-28T12:20:00Z'), now)).toEqual({
      seconds: 300,
      cappedByCredentials: false,
    });
    expect(ttl.effectiveTtl(300, undefined, now)).toEqual({ seconds: 300, cappedByCredentials: false });
    expect(() => ttl.effectiveTtl(300, new Date('2026-11-28T11:59:59Z'), now)).toThrow(/expired/);
    expect(ttl.longestTtlSeconds()).toBe(86_400);
  });
});

import { DeleteBucketCorsCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/health/route';
import { bucket, s3 } from '@/lib/storage/client';
import { corsRules } from '@/lib/storage/cors';
import { securityConfig } from '@/lib/storage/security/config';
import { signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

const health = async (query = '') => {
  const response = await GET(new Request(`http://test/api/health${query}`));
  return { status: response.status, body: await response.json(), cacheControl: response.headers.get('cache-control') };
};

describe('GET /api/health', () => {
  afterAll(() =>
    s3().send(
      new PutBucketCorsCommand({
        Bucket: bucket(),
        CORSConfiguration: { CORSRules: corsRules(securityConfig().origins) },
      }),
    ),
  );

  it('answers ok when the database, the bucket and its CORS rule are in place, also in strict mode', async () => {
    const { status, body, cacheControl } = await health();
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks).toMatchObject({ database: { status: 'ok' }, bucket: { status: 'ok' }, cors: { status: 'ok' } });
    expect(['ok', 'unsupported']).toContain(body.checks.lifecycle.status);
    expect(body.checks.signingCredentials.status).toBe('ok');
    expect(cacheControl).toBe('no-store');
    expect((await health('?strict=1')).status).toBe(200);
  });

  it('is degraded without a CORS rule, names it, and fails readiness; anonymous callers see no details', async () => {
    await s3().send(new DeleteBucketCorsCommand({ Bucket: bucket() }));
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.checks.cors).toEqual({ status: 'degraded' });
    expect((await health('?strict=1')).status).toBe(503);
  });

  it('shows an admin what failed and the fix', async () => {
    await signedInAs('admin@example.com');
    try {
      const { body } = await health();
      expect(body.checks.cors).toMatchObject({
        status: 'degraded',
        detail: expect.stringMatching(/no CORS rule/),
        fix: expect.stringMatching(/s3:harden/),
      });
    } finally {
      await signedInAs(null);
    }
  });
});

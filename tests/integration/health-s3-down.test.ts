import { describe, expect, it, vi } from 'vitest';
import { signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

// Point this file's (isolated) modules at an S3 endpoint where nothing listens, before any loads.
process.env.S3_ENDPOINT = 'http://127.0.0.1:9';

describe('GET /api/health with S3 down', () => {
  it('answers 503 and says which part is down; only an admin reads why', async () => {
    const { GET } = await import('@/app/api/health/route');
    const check = async () => {
      const response = await GET(new Request('http://test/api/health'));
      return { status: response.status, body: await response.json() };
    };
    await signedInAs(null);
    const anonymous = await check();
    expect(anonymous.status).toBe(503);
    expect(anonymous.body.status).toBe('unavailable');
    expect(anonymous.body.checks).toEqual({ database: { status: 'ok' }, bucket: { status: 'unavailable' } });
    // Anonymous callers get statuses only: no endpoint, error text or credentials.
    expect(JSON.stringify(anonymous.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|secret|password/i);

    await signedInAs('admin@example.com');
    try {
      const admin = await check();
      expect(admin.status).toBe(503);
      expect(admin.body.checks.bucket).toMatchObject({ status: 'unavailable', detail: expect.any(String) });
      expect(JSON.stringify(admin.body)).not.toMatch(/secret|password/i);
    } finally {
      await signedInAs(null);
    }
  });
});

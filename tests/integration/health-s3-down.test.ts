import { describe, expect, it, vi } from 'vitest';
import { signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

// Point this file's (isolated) modules at an S3 endpoint where nothing listens, before any loads.
process.env.S3_ENDPOINT = 'http://127.0.0.1:9';

describe('GET /api/health with S3 down', () => {
  it('answers 503 and says which part is down; only an admin reads why', async () => {
    const { GET } = await import('@/app/api/health/route');
    await signedInAs(null);
    const anonymous = await (await GET()).json();
    expect(anonymous).toMatchObject({ status: 'unavailable', database: { reachable: true } });
    expect(anonymous.bucket).toEqual({ reachable: false, etagExposed: null });

    await signedInAs('admin@example.com');
    const response = await GET();
    const body = await response.json();
    expect(response.status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.database.reachable).toBe(true);
    expect(body.bucket.reachable).toBe(false);
    expect(body.bucket.error).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/secret|password/i);
  });
});

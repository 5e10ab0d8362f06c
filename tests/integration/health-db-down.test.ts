import { describe, expect, it, vi } from 'vitest';
import { signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

// Point this file's (isolated) modules at a PostgreSQL where nothing listens, before any loads.
process.env.DATABASE_URL = 'postgresql://guestpass:not-the-password@127.0.0.1:9/guestpass';

describe('GET /api/health with PostgreSQL down', () => {
  it('answers 503 and says which part is down, without the database’s error text', async () => {
    await signedInAs(null);
    const { GET } = await import('@/app/api/health/route');
    const response = await GET(new Request('http://test/api/health'));
    const body = await response.json();
    expect(response.status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.checks.database).toEqual({ status: 'unavailable' });
    expect(body.checks.bucket).toEqual({ status: 'ok' });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|guestpass@|password/i);
  });
});

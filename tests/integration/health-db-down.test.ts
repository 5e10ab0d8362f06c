import { describe, expect, it, vi } from 'vitest';
import { signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

// Point this file's (isolated) modules at a PostgreSQL where nothing listens, before any loads.
process.env.DATABASE_URL = 'postgresql://guestpass:not-the-password@127.0.0.1:9/guestpass';

describe('GET /api/health with PostgreSQL down', () => {
  it('answers 503 and says which part is down, without the database’s error text', async () => {
    await signedInAs(null);
    const { GET } = await import('@/app/api/health/route');
    const response = await GET();
    const body = await response.json();
    expect(response.status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.database).toEqual({ reachable: false });
    expect(body.bucket.reachable).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|guestpass@|password/i);
  });
});

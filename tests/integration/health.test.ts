import { describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/health/route';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

describe('GET /api/health', () => {
  it('answers 200 when the database and the bucket are reachable', async () => {
    const response = await GET();
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: { reachable: true }, bucket: { reachable: true } });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

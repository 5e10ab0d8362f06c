import { beforeEach, describe, expect, it, vi } from 'vitest';

// lib/env parses process.env once per module instance: each test loads fresh modules.
async function load(overrides: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv('DATABASE_URL', 'postgresql://localhost/app');
  vi.stubEnv('APP_URL', 'http://127.0.0.1:3000');
  vi.stubEnv('AUTH_SECRET', 'x'.repeat(32));
  vi.stubEnv('S3_BUCKET', 'guestpass-test');
  vi.stubEnv('S3_ENDPOINT', 'http://127.0.0.1:7480');
  // Signing is local arithmetic: these only need to exist.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'UNITTESTKEY000000000');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'unit-test-secret');
  for (const [k, v] of Object.entries(overrides)) vi.stubEnv(k, v);
  const avatars = await import('@/lib/storage/avatars');
  const { presignGet } = await import('@/lib/storage/presign');
  const { ttlSeconds } = await import('@/lib/storage/ttl');
  return { ...avatars, presignGet, ttlSeconds };
}

const at = (iso: string) => new Date(iso);

describe('photo URLs signed per time window', () => {
  beforeEach(() => vi.unstubAllEnvs());

  it('rounds the signing time down to the 15-minute window and lives at most an hour', async () => {
    const { avatarSigningWindow, AVATAR_URL_WINDOW_SECONDS } = await load();
    expect(AVATAR_URL_WINDOW_SECONDS).toBe(900);
    expect(avatarSigningWindow(at('2026-11-28T14:07:31.250Z'), 3600)).toEqual({
      signedAt: at('2026-11-28T14:00:00.000Z'),
      ttlSeconds: 3600,
    });
    expect(avatarSigningWindow(at('2026-11-28T14:14:59.999Z'), 3600).signedAt).toEqual(at('2026-11-28T14:00:00.000Z'));
    expect(avatarSigningWindow(at('2026-11-28T14:15:00.000Z'), 3600).signedAt).toEqual(at('2026-11-28T14:15:00.000Z'));
    expect(avatarSigningWindow(at('2026-11-28T14:07:00Z'), 86_400).ttlSeconds).toBe(3600);
  });

  it('keeps at least half the lifetime left for a URL handed out at the end of its window, whatever the TTL', async () => {
    const { avatarSigningWindow } = await load();
    for (const ttl of [2, 3, 60, 600, 1800, 3600, 86_400]) {
      for (let offset = 0; offset < 7200_000; offset += 61_999) {
        const now = new Date(Date.UTC(2026, 10, 28) + offset);
        const window = avatarSigningWindow(now, ttl);
        expect(window.signedAt.getTime()).toBeLessThanOrEqual(now.getTime());
        const leftMs = window.signedAt.getTime() + window.ttlSeconds * 1000 - now.getTime();
        expect(leftMs).toBeGreaterThanOrEqual((window.ttlSeconds * 1000) / 2);
      }
    }
  });

  it('gives the same URL to every request in a window, and a new one in the next', async () => {
    const { avatarSigningWindow, presignGet, ttlSeconds } = await load();
    const sign = async (iso: string) =>
      (
        await presignGet('avatars/cluser0001/clphoto001', {
          purpose: 'download',
          ...avatarSigningWindow(at(iso), ttlSeconds('download')),
        })
      ).url;
    const first = await sign('2026-11-28T14:01:00Z');
    expect(await sign('2026-11-28T14:14:00Z')).toBe(first);
    expect(await sign('2026-11-28T14:16:00Z')).not.toBe(first);
    expect(new URL(first).searchParams.get('X-Amz-Date')).toBe('20261128T140000Z');
    expect(new URL(first).searchParams.get('X-Amz-Expires')).toBe('3600');
  });

  it('follows a shorter download TTL from the environment', async () => {
    const { avatarSigningWindow, ttlSeconds } = await load({ TTL_DOWNLOAD_SECONDS: '600' });
    expect(avatarSigningWindow(at('2026-11-28T14:07:31Z'), ttlSeconds('download'))).toEqual({
      signedAt: at('2026-11-28T14:05:00Z'),
      ttlSeconds: 600,
    });
  });

  it('signs a photo once per window: later renders in the window reuse the very same URL from memory', async () => {
    const { avatarDisplayUrl } = await load();
    const key = 'avatars/cluser0001/clphoto001';
    const first = avatarDisplayUrl(key, at('2026-11-28T14:01:00Z'));
    // The same promise: nothing was signed the second time.
    expect(avatarDisplayUrl(key, at('2026-11-28T14:14:59Z'))).toBe(first);
    const other = avatarDisplayUrl('avatars/cluser0002/clphoto002', at('2026-11-28T14:02:00Z'));
    expect((await other).url).not.toBe((await first).url);
    const next = avatarDisplayUrl(key, at('2026-11-28T14:15:00Z'));
    expect(next).not.toBe(first);
    expect((await next).url).not.toBe((await first).url);
  });
});

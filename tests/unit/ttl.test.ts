import { beforeEach, describe, expect, it, vi } from 'vitest';

// lib/env parses process.env once per module instance: each test loads fresh modules.
async function loadTtl(overrides: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv('DATABASE_URL', 'postgresql://localhost/app');
  vi.stubEnv('APP_URL', 'http://127.0.0.1:3000');
  vi.stubEnv('AUTH_SECRET', 'x'.repeat(32));
  vi.stubEnv('S3_BUCKET', 'guestpass-test');
  for (const [k, v] of Object.entries(overrides)) vi.stubEnv(k, v);
  return import('@/lib/storage/ttl');
}

describe('TTL policy', () => {
  beforeEach(() => vi.unstubAllEnvs());

  it('has the documented defaults per purpose', async () => {
    const { ttlPolicy } = await loadTtl();
    expect(ttlPolicy()).toEqual({
      upload: 300,
      download: 3600,
      invoice: 86400,
      invoiceClick: 60,
      shareClick: 60,
      sharePreview: 60,
      rawShare: 86400,
      hardCap: 604800,
    });
  });

  it('lets a caller ask for less, never for more', async () => {
    const { ttlSeconds } = await loadTtl();
    expect(ttlSeconds('download', 2)).toBe(2);
    expect(ttlSeconds('download', 10_000)).toBe(3600);
    expect(ttlSeconds('shareClick', 600)).toBe(60);
    expect(() => ttlSeconds('upload', 0)).toThrow(RangeError);
    expect(() => ttlSeconds('upload', 1.5)).toThrow(RangeError);
  });

  it('takes overrides from the environment', async () => {
    const { ttlSeconds } = await loadTtl({ TTL_UPLOAD_SECONDS: '120', TTL_INVOICE_SECONDS: '3600' });
    expect(ttlSeconds('upload')).toBe(120);
    expect(ttlSeconds('invoice')).toBe(3600);
  });

  it('lists every purpose for admins, the raw share URL included, then the hard cap', async () => {
    const { ttlTable } = await loadTtl({ TTL_RAW_SHARE_SECONDS: '7200' });
    expect(ttlTable().map((row) => [row.variable, row.seconds])).toEqual([
      ['TTL_UPLOAD_SECONDS', 300],
      ['TTL_DOWNLOAD_SECONDS', 3600],
      ['TTL_INVOICE_SECONDS', 86400],
      ['TTL_INVOICE_CLICK_SECONDS', 60],
      ['TTL_SHARE_CLICK_SECONDS', 60],
      ['TTL_SHARE_PREVIEW_SECONDS', 60],
      ['TTL_RAW_SHARE_SECONDS', 7200],
      ['TTL_HARD_CAP_SECONDS', 604800],
    ]);
  });
});

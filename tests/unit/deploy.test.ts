import { describe, expect, it } from 'vitest';
import { noncurrentVersionGoneBy } from '@/lib/storage/lifecycle';
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS, keepAliveTimeout, listenAddress } from '@/scripts/start.mjs';

describe('npm start', () => {
  it('listens where PORT and HOSTNAME say', () => {
    expect(listenAddress({ PORT: '8080', HOSTNAME: '0.0.0.0', APP_URL: 'http://127.0.0.1:4300' })).toEqual({
      port: '8080',
      hostname: '0.0.0.0',
    });
  });

  it('takes port and host from a plain-http APP_URL, the app served directly', () => {
    expect(listenAddress({ APP_URL: 'http://127.0.0.1:4300' })).toEqual({ port: '4300', hostname: '127.0.0.1' });
    expect(listenAddress({ APP_URL: 'http://[::1]:4300' })).toEqual({ port: '4300', hostname: '::1' });
    expect(listenAddress({ APP_URL: 'http://files.internal' })).toEqual({ port: '80', hostname: 'files.internal' });
  });

  it('stays on the loopback behind a TLS proxy unless told otherwise', () => {
    expect(listenAddress({ APP_URL: 'https://files.example.com' })).toEqual({ port: '3000', hostname: '127.0.0.1' });
    expect(listenAddress({})).toEqual({ port: '3000', hostname: '127.0.0.1' });
  });
});

describe('keep-alive', () => {
  it('outlasts a load balancer idle timeout unless told otherwise', () => {
    expect(DEFAULT_KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
    expect(keepAliveTimeout({})).toBe(String(DEFAULT_KEEP_ALIVE_TIMEOUT_MS));
    expect(keepAliveTimeout({ KEEP_ALIVE_TIMEOUT: '125000' })).toBe('125000');
  });
});

describe('noncurrent version expiry', () => {
  it('counts the days from the next midnight UTC, as S3 does', () => {
    expect(noncurrentVersionGoneBy(new Date('2026-11-29T08:30:00Z'), 7).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(noncurrentVersionGoneBy(new Date('2026-11-29T00:00:00Z'), 1).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});

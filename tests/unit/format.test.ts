import { describe, expect, it } from 'vitest';
import { formatBytes, formatRelative, initials } from '@/lib/format';
import { clientIp } from '@/lib/request-context';

describe('formatting', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('says how long until a time', () => {
    expect(formatRelative(new Date(now.getTime() + 58 * 60_000), now)).toBe('in 58 minutes');
    expect(formatRelative(new Date(now.getTime() + 60_000), now)).toBe('in 1 minute');
    expect(formatRelative(new Date(now.getTime() + 5 * 3600_000), now)).toBe('in 5 hours');
    expect(formatRelative(new Date(now.getTime() - 2 * 86_400_000), now)).toBe('2 days ago');
  });
  it('formats sizes and initials', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(initials('Alice Customer')).toBe('AC');
    expect(initials('  ')).toBe('?');
  });
});

describe('clientIp', () => {
  it('takes the address the nearest hop saw', () => {
    expect(clientIp('203.0.113.9')).toBe('203.0.113.9');
    expect(clientIp('10.0.0.1, 198.51.100.7')).toBe('198.51.100.7');
    expect(clientIp(null)).toBe('unknown');
  });
});

import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDuration, formatRelative, initials } from '@/lib/format';

describe('formatting', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('says how long until a time', () => {
    expect(formatRelative(new Date(now.getTime() + 58 * 60_000), now)).toBe('in 58 minutes');
    expect(formatRelative(new Date(now.getTime() + 60_000), now)).toBe('in 1 minute');
    expect(formatRelative(new Date(now.getTime() + 5 * 3600_000), now)).toBe('in 5 hours');
    expect(formatRelative(new Date(now.getTime() - 2 * 86_400_000), now)).toBe('2 days ago');
    expect(formatRelative(new Date(now.getTime() + 400), now)).toBe('just now');
    expect(formatRelative(new Date(now.getTime() - 6_000), now)).toBe('6 seconds ago');
  });
  it('states link lifetimes without rounding up, and estimates to the second or minute', () => {
    expect(formatDuration(604_800)).toBe('7 days');
    expect(formatDuration(86_400)).toBe('24 hours');
    expect(formatDuration(3_600)).toBe('1 hour');
    expect(formatDuration(5_400)).toBe('90 minutes');
    expect(formatDuration(61)).toBe('61 seconds');
    expect(formatDuration(61.4, { approximate: true })).toBe('1 minute');
    expect(formatDuration(7_190, { approximate: true })).toBe('2 hours');
    expect(formatDuration(42.6, { approximate: true })).toBe('43 seconds');
    expect(formatDuration(0, { approximate: true })).toBe('0 seconds');
  });
  it('shows an instant one way, in the given time zone', () => {
    const instant = new Date('2026-11-28T13:50:12Z');
    expect(formatDateTime(instant, 'UTC')).toBe('28 Nov 2026, 13:50:12 UTC');
    expect(formatDateTime(instant, 'Asia/Tokyo')).toBe('28 Nov 2026, 22:50:12 GMT+9');
  });
  it('formats sizes and initials', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(initials('Alice Customer')).toBe('AC');
    expect(initials('  ')).toBe('?');
  });
});

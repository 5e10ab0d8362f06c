import { describe, expect, it } from 'vitest';
import { containsNul, malformedRequestReason } from '@/lib/request-guard';

const url = (path: string) => new URL(path, 'http://app.test');

describe('malformedRequestReason', () => {
  it.each(['/s/%', '/s/%E0%A4%A', '/invoices/%ZZ/download', '/i/%C3'])('refuses the malformed escape in %s', (path) => {
    expect(malformedRequestReason(url(path))).toMatch(/malformed %-escape/);
  });

  it.each(['/invoices/%00/download', '/admin/files?after=a%00b', '/admin/audit?action=%00'])(
    'refuses the NUL in %s',
    (path) => {
      expect(malformedRequestReason(url(path))).toMatch(/NUL/);
    },
  );

  it.each([
    '/',
    '/s/abc',
    '/admin/files?q=%E2%9C%93&sort=name',
    '/login?callbackUrl=%2Fprofile',
    '/i/a.1.b',
    '/%F0%9F%98%80',
  ])('lets %s through', (path) => {
    expect(malformedRequestReason(url(path))).toBeNull();
  });
});

describe('containsNul', () => {
  it('finds a NUL at any depth, in objects, arrays and forms', () => {
    expect(containsNul('a\0b')).toBe(true);
    expect(containsNul({ recipients: [{ name: 'Pat', email: 'p@x.y\0' }] })).toBe(true);
    const form = new FormData();
    form.set('title', 'ok\0');
    expect(containsNul(form)).toBe(true);
    expect(containsNul({ title: 'fine', n: 3, list: ['a', null] })).toBe(false);
    expect(containsNul(null)).toBe(false);
  });
});

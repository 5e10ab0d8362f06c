import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/return-path';

const APP_URL = 'https://files.example.com';

describe('safeReturnPath', () => {
  it.each([
    ['/profile', '/profile'],
    ['/admin/shares?status=active', '/admin/shares?status=active'],
    ['/invoices#top', '/invoices'],
    ['https://files.example.com/invoices?x=1', '/invoices?x=1'],
    ['/%09/evil.example/', '/%09/evil.example/'],
  ])('keeps the path and query of %j on this site', (value, expected) => {
    expect(safeReturnPath(value, APP_URL)).toBe(expected);
  });

  it.each([
    '/\t/evil.example/', // what /login?callbackUrl=/%09/evil.example/ hands the page: the browser drops the tab
    '/\n/evil.example/',
    '/\r\n/evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    'https://evil.example/',
    'http://files.example.com/', // another origin: the scheme differs
    'https://files.example.com.evil.example/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('sends %j home instead of to another origin', (value) => {
    expect(safeReturnPath(value, APP_URL)).toBe('/');
  });

  it('never returns a path a Location header would read as a host', () => {
    for (const value of ['/.//evil.example/', '/a/../..//evil.example', '/%2e//evil.example'])
      expect(safeReturnPath(value, APP_URL)).not.toMatch(/^\/\//);
  });

  it('removes line breaks, so the answer can always go in a header', () => {
    expect(safeReturnPath('/profile\r\nSet-Cookie: a=b', APP_URL)).toBe('/profileSet-Cookie:%20a=b');
  });

  it.each([undefined, null, '', 42, ['/profile'], { toString: () => '//evil.example' }])('gives / for %j', (value) => {
    expect(safeReturnPath(value, APP_URL)).toBe('/');
  });
});

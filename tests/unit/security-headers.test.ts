import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '@/lib/security-headers';

const base = { nonce: 'bm9uY2U=', s3Origins: ['https://guestpass.s3.eu-west-1.amazonaws.com'], development: false };

describe('security headers', () => {
  it('send HSTS and upgrade requests only when the app is served over https', () => {
    const https = securityHeaders({ ...base, appUrl: 'https://files.example.com' });
    expect(https['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    const http = securityHeaders({ ...base, appUrl: 'http://127.0.0.1:3000' });
    expect(http['Strict-Transport-Security']).toBeUndefined();
    expect(http['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
  });

  it('allow scripts by nonce only, and eval only under next dev', () => {
    const csp = contentSecurityPolicy({ ...base, appUrl: 'https://files.example.com' });
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'; ");
    expect(csp).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy({ ...base, appUrl: 'https://x.example', development: true })).toContain(
      "'unsafe-eval'",
    );
  });

  it('name every S3 origin for images, connections and previews in frames, and nowhere else', () => {
    const origins = [
      'https://guestpass.s3.eu-west-1.amazonaws.com',
      'https://ap-123.s3-accesspoint.eu-west-1.amazonaws.com',
    ];
    const csp = contentSecurityPolicy({ ...base, s3Origins: origins, appUrl: 'https://files.example.com' });
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d]));
    for (const origin of origins) {
      expect(directives['img-src']).toContain(origin);
      expect(directives['connect-src']).toContain(origin);
      expect(directives['frame-src']).toContain(origin);
    }
    const elsewhere = Object.entries(directives).filter(
      ([name]) => !['img-src', 'connect-src', 'frame-src'].includes(name),
    );
    for (const [, directive] of elsewhere) expect(directive).not.toMatch(/amazonaws/);
    expect(directives['frame-ancestors']).toBe("frame-ancestors 'none'");
  });
});

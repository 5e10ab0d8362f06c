import { beforeAll, describe, expect, it } from 'vitest';

// Served over https, behind a proxy that sends no X-Forwarded-Proto: the request itself looks like plain http.
Object.assign(process.env, {
  APP_URL: 'https://files.example.com',
  AUTH_SECRET: 'x'.repeat(32),
  DATABASE_URL: 'postgresql://unused@127.0.0.1:1/unused',
  S3_BUCKET: 'guestpass-prod',
});

let server: typeof import('next/server');
let auth: typeof import('@/lib/auth');
let proxyModule: typeof import('@/proxy');

describe('cookies when APP_URL is https', () => {
  // next-auth and Next's server module are transformed on first import: slow on a busy machine.
  beforeAll(async () => {
    [server, auth, proxyModule] = await Promise.all([import('next/server'), import('@/lib/auth'), import('@/proxy')]);
  }, 60_000);

  it('are Secure and prefixed whatever the proxy forwards', async () => {
    const response = await auth.handlers.GET(new server.NextRequest('http://127.0.0.1:3000/api/auth/csrf'));
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.includes('csrf-token'))).toMatch(/^__Host-authjs\.csrf-token=.*; Secure/i);
  });

  it('leave the prefixed session cookie recognised by proxy.ts', async () => {
    const page = (cookie?: string) =>
      proxyModule.proxy(
        new server.NextRequest('http://127.0.0.1:3000/invoices', { headers: cookie ? { cookie } : {} }),
      );
    expect((await page('__Secure-authjs.session-token=jwt')).headers.get('location')).toBeNull();
    expect((await page()).headers.get('location')).toMatch(/\/login\?callbackUrl=%2Finvoices$/);
  });
});

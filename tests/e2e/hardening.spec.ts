import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { signIn } from './helpers';

/** One query against the run's PostgreSQL (the runner passes DATABASE_URL). */
async function query<Row>(sql: string, values: unknown[]): Promise<Row[]> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return (await db.query(sql, values)).rows as Row[];
  } finally {
    await db.end();
  }
}

// Next keeps an X-Forwarded-For the client sent (it fills it from the socket only when absent), so
// with no proxy in front (TRUSTED_PROXY_HOPS=0, the default) the app must not read it.
const FORGED = { 'X-Forwarded-For': '203.0.113.77', 'X-Guestpass-Peer-Address': '203.0.113.78' };

test('a client cannot choose the IP recorded for its requests', async ({ page, request }) => {
  const userAgent = `forged-ip-${randomBytes(6).toString('hex')}`;
  // A route of the partner area (anonymous), audited with the caller's address.
  const missing = await request.get(`/s/${randomBytes(32).toString('base64url')}`, {
    headers: { ...FORGED, 'User-Agent': userAgent },
  });
  expect(missing.status()).toBe(404);
  const audited = await query<{ ip: string }>(`SELECT "ip" FROM "AuditEvent" WHERE "userAgent" = $1`, [userAgent]);
  expect(audited.map((row) => row.ip)).toEqual(['127.0.0.1']);

  // A sign-in (server action, then Auth.js's authorize), throttled by the caller's address.
  const email = `forged-ip-${randomBytes(6).toString('hex')}@example.com`;
  await page.setExtraHTTPHeaders(FORGED);
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password' })).toBeVisible();
  const attempts = await query<{ ip: string }>(`SELECT "ip" FROM "LoginAttempt" WHERE "email" = $1`, [email]);
  expect(attempts.map((row) => row.ip)).toEqual(['127.0.0.1']);
});

test('every page carries a nonce-based CSP that names S3 only for images, connections and preview frames', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/login');
  const headers = response!.headers();
  const csp: Record<string, string[]> = Object.fromEntries(
    headers['content-security-policy'].split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
  );
  const s3 = new URL(process.env.S3_ENDPOINT!).origin;
  const nonce = /'nonce-([^']+)'/.exec(csp['script-src'].join(' '))![1];
  expect(csp['script-src']).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(csp['img-src']).toContain(s3);
  expect(csp['connect-src']).toContain(s3);
  expect(csp['frame-src']).toContain(s3);
  for (const directive of ['script-src', 'form-action', 'default-src']) expect(csp[directive]).not.toContain(s3);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['strict-transport-security']).toBeUndefined(); // APP_URL is http here
  // Next puts this request's nonce on its scripts, and no other nonce works on the next request.
  const scriptNonces = await page
    .locator('script[src]')
    .evaluateAll((s) => s.map((e) => (e as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  expect((await page.request.get('/login')).headers()['content-security-policy']).not.toContain(nonce);

  // The page is alive under the policy: the form works (hydrated) and nothing was blocked.
  await page.getByLabel('Email').fill('nobody@example.com');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('hostile addresses get a clear 4xx, never a 500, signed out or in', async ({ page, request }) => {
  const anonymous: [string, number][] = [
    ['/s/%E0%A4%A', 400], // malformed escapes failed while Next decoded the route's parameters
    ['/s/%/files/%', 400],
    ['/i/%C3', 400],
    ['/invoices/%25/download', 404],
    ['/invoices/a%00b/download', 400], // PostgreSQL refuses NUL in text
    ['/s/..%2F..%2Fetc%2Fpasswd', 404],
    [`/i/${'a'.repeat(4000)}`, 404],
  ];
  for (const [path, status] of anonymous) expect((await request.get(path)).status(), path).toBe(status);

  await signIn(page, 'admin');
  const admin: [string, number][] = [
    ['/admin/files?sort=__proto__&dir=constructor', 200], // `in` found inherited properties
    ['/admin/files?sort=constructor', 200],
    ['/admin/files?after=a%00b', 400],
    ['/admin/audit?action=%00', 400],
    ['/admin/audit?page=-1e308', 200],
    ['/admin/shares/%E0%A4%A/edit', 400],
  ];
  for (const [path, status] of admin) expect((await page.request.get(path)).status(), path).toBe(status);
});

import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';

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

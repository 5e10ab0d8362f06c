import { randomBytes } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The real lib/auth and lib/dal/session, reading a real session cookie: only the request's headers
// are supplied here (there is no Next request outside a server).
const request = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({
      // As Next sets them: next-auth derives the cookie's name (Secure or not) from the protocol.
      host: new URL(process.env.APP_URL!).host,
      'x-forwarded-proto': new URL(process.env.APP_URL!).protocol.replace(':', ''),
      cookie: request.cookie,
      'x-forwarded-for': '192.0.2.40',
      'user-agent': 'vitest',
    }),
}));

const { db } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { currentUser } = await import('@/lib/dal/session');
const { signOutThisSession, signOutEverywhere } = await import('@/lib/dal/profile');
const { issueInvoiceDownload } = await import('@/lib/dal/invoices');

const COOKIE = 'authjs.session-token';
const suffix = randomBytes(4).toString('hex');
const context = { ip: '192.0.2.40', userAgent: 'vitest' };

/** A session cookie as next-auth writes it at sign-in (the claims lib/auth.ts's jwt callback adds). */
async function signInCookie(user: { id: string; email: string; sessionVersion: number }, signedInAt = Date.now()) {
  const value = await encode({
    salt: COOKIE,
    secret: env.AUTH_SECRET,
    token: {
      sub: user.id,
      email: user.email,
      role: 'USER',
      sessionVersion: user.sessionVersion,
      sessionId: randomBytes(16).toString('hex'),
      signedInAt: Math.floor(signedInAt / 1000),
    },
  });
  return `${COOKIE}=${value}`;
}

async function asCookie<T>(cookie: string, work: () => Promise<T>): Promise<T> {
  request.cookie = cookie;
  try {
    return await work();
  } finally {
    request.cookie = '';
  }
}

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: `-${suffix}@sessions.test` } } });
});

async function newUser(name: string, role: 'USER' | 'ADMIN' = 'USER') {
  return db.user.create({
    data: { email: `${name}-${suffix}@sessions.test`, name, passwordHash: 'x', role },
    select: { id: true, email: true, sessionVersion: true },
  });
}

describe('ending sessions', () => {
  it('a copied session cookie stops working once its session signs out; other sessions go on', async () => {
    const user = await newUser('copier');
    const browser = await signInCookie(user);
    const copy = browser; // the same cookie, taken elsewhere
    const otherDevice = await signInCookie(user);
    expect(await asCookie(copy, currentUser)).toMatchObject({ id: user.id });

    await asCookie(browser, () => signOutThisSession(context));
    expect(await asCookie(copy, currentUser)).toBeNull();
    expect(await asCookie(otherDevice, currentUser)).toMatchObject({ id: user.id });
    expect(
      await db.auditEvent.count({ where: { action: 'account.sign-out', subjectId: user.id, actorId: user.id } }),
    ).toBe(1);
  });

  it('"Sign out everywhere" ends every session of the account', async () => {
    const user = await newUser('everywhere');
    const [laptop, phone] = [await signInCookie(user), await signInCookie(user)];
    await asCookie(laptop, () => signOutEverywhere(context));
    expect(await asCookie(laptop, currentUser)).toBeNull();
    expect(await asCookie(phone, currentUser)).toBeNull();
    const fresh = await signInCookie(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
    expect(await asCookie(fresh, currentUser)).toMatchObject({ id: user.id });
  });

  it('a session ends when its lifetime is over, however often its cookie was refreshed', async () => {
    const user = await newUser('old-timer');
    const { SESSION_MAX_AGE_SECONDS } = await import('@/lib/session-policy');
    const stale = await signInCookie(user, Date.now() - SESSION_MAX_AGE_SECONDS * 1000 - 1000);
    expect(await asCookie(stale, currentUser)).toBeNull();
  });

  it('a download click checks the session inside its own statement: an ended session or a deactivated account is a stranger', async () => {
    const admin = await newUser('clicker', 'ADMIN');
    const invoice = await db.invoice.findFirstOrThrow({ where: { status: 'OPEN' }, select: { id: true } });
    const refusals = () =>
      db.auditEvent.findMany({
        where: { action: 'invoice.download', subjectId: invoice.id, outcome: 'refused', ip: context.ip },
        orderBy: { createdAt: 'asc' },
        select: { detail: true },
      });
    const before = (await refusals()).length;
    const browser = await signInCookie(admin);
    expect((await asCookie(browser, () => issueInvoiceDownload(invoice.id, context))).outcome).toBe('granted');

    await asCookie(browser, () => signOutThisSession(context));
    expect((await asCookie(browser, () => issueInvoiceDownload(invoice.id, context))).outcome).toBe('not-found');
    const otherDevice = await signInCookie(admin);
    await db.user.update({ where: { id: admin.id }, data: { status: 'DEACTIVATED' } });
    expect((await asCookie(otherDevice, () => issueInvoiceDownload(invoice.id, context))).outcome).toBe('not-found');
    expect((await refusals()).slice(before)).toEqual([
      { detail: { reason: 'anonymous' } },
      { detail: { reason: 'anonymous' } },
    ]);
  });
});

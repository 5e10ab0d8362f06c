import { createHash, randomBytes } from 'node:crypto';
import { decode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The real Auth.js email provider, lib/auth and the sign-in form's action, against the real
// database: only the request's headers are supplied (there is no Next request outside a server).
const request = vi.hoisted(() => ({ ip: '' }));
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({
      host: new URL(process.env.APP_URL!).host,
      'x-forwarded-proto': new URL(process.env.APP_URL!).protocol.replace(':', ''),
      'x-guestpass-peer-address': request.ip,
      'user-agent': 'vitest',
    }),
  // Auth.js sets no cookie when it mails a link; nothing to keep.
  cookies: async () => ({ set: () => undefined }),
}));

const { db } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { GET: authRoute } = await import('@/app/api/auth/[...nextauth]/route');
const { emailSignInLinkAction } = await import('@/lib/actions/sign-in');
const { LINK_REQUEST_LIMITS } = await import('@/lib/accounts/links');
const { stopProducer } = await import('@/lib/jobs/boss');

const COOKIE = 'authjs.session-token';
const suffix = randomBytes(4).toString('hex');
const address = (name: string) => `${name}-${suffix}@links.test`;
const freshIp = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomBytes(2).toString('hex')}`;

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: `-${suffix}@links.test` } } });
  await db.mailMessage.deleteMany({ where: { to: { endsWith: `-${suffix}@links.test` } } });
  await db.verificationToken.deleteMany({ where: { identifier: { endsWith: `-${suffix}@links.test` } } });
  await stopProducer();
});

function newUser(name: string, status: 'INVITED' | 'ACTIVE' | 'DEACTIVATED' = 'ACTIVE') {
  return db.user.create({
    data: { email: address(name), name, status, passwordHash: status === 'INVITED' ? null : 'x' },
    select: { id: true, email: true, sessionVersion: true },
  });
}

/** Sends the sign-in page's "Email me a sign-in link" form from `ip`. */
async function askForLink(email: string, ip: string) {
  request.ip = ip;
  const form = new FormData();
  form.set('email', email);
  form.set('callbackUrl', '/invoices');
  return emailSignInLinkAction({ status: 'idle' }, form);
}

/** The link in the newest sign-in mail queued to `email` (its body is kept until the worker sends it). */
async function mailedLink(email: string): Promise<URL> {
  const mail = await db.mailMessage.findFirstOrThrow({
    where: { to: email, kind: 'account.sign-in-link' },
    orderBy: { createdAt: 'desc' },
  });
  return new URL(/https?:\/\/\S+\/login\/link\/open\?\S+/.exec(mail.text ?? '')![0]);
}

/** Follows a link the way its page's button does: on to Auth.js's route, its callback for the email provider. */
async function useLink(link: URL): Promise<{ location: string; session: Record<string, unknown> | null }> {
  const callback = new URL(`/api/auth/callback/email${link.search}`, env.APP_URL);
  const response = await authRoute(
    new NextRequest(callback, { headers: { 'x-guestpass-peer-address': '198.51.100.9' } }),
  );
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${COOKIE}=`))
    ?.split(';')[0]
    .slice(COOKIE.length + 1);
  const session = cookie ? await decode({ token: cookie, salt: COOKIE, secret: env.AUTH_SECRET }) : null;
  return { location: response.headers.get('location') ?? '', session };
}

describe('sign-in by email link', () => {
  it('answers alike for unknown and deactivated addresses, and mails (and stores a token for) only an account that may sign in', async () => {
    const invited = await newUser('invited', 'INVITED');
    const deactivated = await newUser('gone', 'DEACTIVATED');
    const answers = [];
    for (const email of [invited.email, address('nobody'), deactivated.email])
      answers.push(await askForLink(email, freshIp()));
    expect(answers[0]).toMatchObject({
      status: 'success',
      message: expect.stringContaining('works once, for 15 minutes'),
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const mails = await db.mailMessage.findMany({
      where: { kind: 'account.sign-in-link', to: { in: [invited.email, address('nobody'), deactivated.email] } },
      select: { to: true, text: true, html: true },
    });
    expect(mails.map((m) => m.to)).toEqual([invited.email]);
    expect(mails[0].text).toContain('This sign-in link expires on');
    expect(mails[0].html).toContain('Sign in');
    const tokens = await db.verificationToken.findMany({
      where: { identifier: { in: [invited.email, address('nobody'), deactivated.email] } },
      select: { identifier: true },
    });
    expect(tokens.map((t) => t.identifier)).toEqual([invited.email]);
  });

  it('is throttled per address and per IP, whether or not the address has an account', async () => {
    const known = await newUser('busy');
    for (const email of [known.email, address('stranger')]) {
      for (let i = 0; i < LINK_REQUEST_LIMITS.perAddress; i++)
        expect(await askForLink(email, freshIp())).toMatchObject({ status: 'success' });
      expect(await askForLink(email, freshIp())).toMatchObject({
        status: 'error',
        message: expect.stringContaining('Too many sign-in links'),
      });
    }
    expect(await db.mailMessage.count({ where: { to: known.email, kind: 'account.sign-in-link' } })).toBe(
      LINK_REQUEST_LIMITS.perAddress,
    );

    const ip = freshIp();
    for (let i = 0; i < LINK_REQUEST_LIMITS.perIp; i++)
      expect(await askForLink(address(`many${i}`), ip)).toMatchObject({ status: 'success' });
    expect(await askForLink(address('one-more'), ip)).toMatchObject({ status: 'error' });
  });

  it('stores only a hash, signs in once with the session claims of a password sign-in, and activates an invited account', async () => {
    const user = await newUser('carla', 'INVITED');
    await askForLink(user.email, freshIp());
    const link = await mailedLink(user.email);
    const token = link.searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const stored = await db.verificationToken.findMany({ where: { identifier: user.email } });
    expect(stored).toHaveLength(1);
    expect(stored[0].token).not.toContain(token);
    expect(stored[0].token).toBe(createHash('sha256').update(`${token}${env.AUTH_SECRET}`).digest('hex'));
    expect(stored[0].expires.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const first = await useLink(link);
    expect(first.location).toBe(`${env.APP_URL}/invoices`);
    expect(first.session).toMatchObject({ sub: user.id, sessionVersion: user.sessionVersion, role: 'USER' });
    expect(first.session?.sessionId).toEqual(expect.any(String));
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      status: 'ACTIVE',
      emailVerified: expect.any(Date),
    });
    expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(0);

    const again = await useLink(link);
    expect(again.location).toBe(`${env.APP_URL}/login?error=Verification`);
    expect(again.session).toBeNull();
    expect(
      await db.auditEvent.findMany({
        where: { subjectId: user.id, action: { startsWith: 'account.sign-in-link' } },
        select: { action: true, outcome: true },
        orderBy: { createdAt: 'asc' },
      }),
    ).toEqual([
      { action: 'account.sign-in-link.send', outcome: 'changed' },
      { action: 'account.sign-in-link.use', outcome: 'granted' },
    ]);
  });

  it('works only from the latest mail: a new link voids the earlier one', async () => {
    const user = await newUser('twice');
    await askForLink(user.email, freshIp());
    const first = await mailedLink(user.email);
    await askForLink(user.email, freshIp());
    const second = await mailedLink(user.email);
    expect(second.searchParams.get('token')).not.toBe(first.searchParams.get('token'));
    expect((await useLink(first)).location).toBe(`${env.APP_URL}/login?error=Verification`);
    expect((await useLink(second)).session).toMatchObject({ sub: user.id });
  });

  it('expires, and is refused to an account deactivated after it was mailed', async () => {
    const late = await newUser('late');
    await askForLink(late.email, freshIp());
    await db.verificationToken.updateMany({
      where: { identifier: late.email },
      data: { expires: new Date(Date.now() - 1000) },
    });
    const expired = await useLink(await mailedLink(late.email));
    expect(expired.location).toBe(`${env.APP_URL}/login?error=Verification`);
    expect(expired.session).toBeNull();

    const dropped = await newUser('dropped');
    await askForLink(dropped.email, freshIp());
    await db.user.update({ where: { id: dropped.id }, data: { status: 'DEACTIVATED' } });
    const refused = await useLink(await mailedLink(dropped.email));
    expect(refused.location).toBe(`${env.APP_URL}/login?error=link-deactivated`);
    expect(refused.session).toBeNull();
  });
});

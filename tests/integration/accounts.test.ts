import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Who is signed in is chosen per call (AsyncLocalStorage), so that two admins can act at the same
// moment; everything else (database, S3, the mail outbox) is the app's own.
const signedIn = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  return new AsyncLocalStorage<string>();
});
vi.mock('@/lib/auth', async () => {
  const { currentSession } = await import('../helpers/session-claims');
  const { db } = await import('@/lib/db');
  return {
    auth: async () => {
      const id = signedIn.getStore();
      if (!id) return null;
      const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } });
      return currentSession(id, sessionVersion);
    },
  };
});
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { db } = await import('@/lib/db');
const { hashToken } = await import('@/lib/random-token');
const { issueAccountLink } = await import('@/lib/dal/account-tokens');
const { requestPasswordReset, setPasswordFromLink } = await import('@/lib/dal/password-links');
const users = await import('@/lib/dal/users');
const profile = await import('@/lib/dal/profile');
const { LINK_REQUEST_LIMITS } = await import('@/lib/accounts/links');
const { keys } = await import('@/lib/storage/keys');
const { headObject, putObject } = await import('@/lib/storage/objects');
const { stopProducer } = await import('@/lib/jobs/boss');

const suffix = randomBytes(4).toString('hex');
const context = { ip: `198.51.100.${Math.floor(Math.random() * 200)}`, userAgent: 'vitest' };
const as = <T>(userId: string, work: () => Promise<T>) => signedIn.run(userId, work);
const address = (name: string) => `${name}-${suffix}@accounts.test`;
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

async function makeUser(name: string, data: { role?: 'USER' | 'ADMIN'; status?: 'INVITED' | 'ACTIVE' } = {}) {
  return db.user.create({
    data: { email: address(name), name, passwordHash: data.status === 'INVITED' ? null : 'x', ...data },
    select: { id: true, email: true, name: true },
  });
}

let admin: { id: string; email: string; name: string };

beforeAll(async () => {
  admin = await makeUser('admin', { role: 'ADMIN' });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: `-${suffix}@accounts.test` } } });
  await stopProducer();
});

describe('one-time account links', () => {
  it('are stored only as hashes, work once, and make the account active', async () => {
    const invited = await makeUser('invited', { status: 'INVITED' });
    const link = await db.$transaction((tx) => issueAccountLink(tx, { purpose: 'INVITATION', userId: invited.id }));
    const token = tokenOf(link.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const rows = await db.accountToken.findMany({ where: { userId: invited.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBeGreaterThanOrEqual(72 * 3600_000 - 1000);

    await setPasswordFromLink(token, 'correct horse battery', context);
    const after = await db.user.findUniqueOrThrow({ where: { id: invited.id } });
    expect(after).toMatchObject({ status: 'ACTIVE', sessionVersion: 1 });
    expect(after.emailVerified).toBeInstanceOf(Date);
    await expect(setPasswordFromLink(token, 'another long password', context)).rejects.toThrow(/already been used/);
  });

  it('are used by exactly one of two requests racing with the same link', async () => {
    const user = await makeUser('racer');
    const link = await db.$transaction((tx) => issueAccountLink(tx, { purpose: 'PASSWORD_RESET', userId: user.id }));
    const results = await Promise.allSettled(
      ['first long password', 'second long password'].map((p) => setPasswordFromLink(tokenOf(link.url), p, context)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('expire, and only open the page they were made for', async () => {
    const user = await makeUser('late', { status: 'INVITED' });
    const longAgo = new Date(Date.now() - 73 * 3600_000);
    const old = await db.$transaction((tx) =>
      issueAccountLink(tx, { purpose: 'INVITATION', userId: user.id }, longAgo),
    );
    await expect(setPasswordFromLink(tokenOf(old.url), 'a long enough password', context)).rejects.toThrow(/expired/);
    const email = await db.$transaction((tx) =>
      issueAccountLink(tx, { purpose: 'EMAIL_CHANGE', userId: user.id, newEmail: address('elsewhere') }),
    );
    await expect(setPasswordFromLink(tokenOf(email.url), 'a long enough password', context)).rejects.toThrow(
      /not valid/,
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ status: 'INVITED' });
  });
});

describe('"Forgot password?"', () => {
  it('answers alike for known and unknown addresses, and mails only the known one', async () => {
    const known = await makeUser('forgetful');
    const unknown = address('nobody');
    const answers = [
      await requestPasswordReset(known.email, { ...context, ip: '203.0.113.1' }),
      await requestPasswordReset(unknown, { ...context, ip: '203.0.113.2' }),
    ];
    expect(answers[0]).toEqual(answers[1]);
    const outbox = await db.mailMessage.findMany({ where: { to: { in: [known.email, unknown] } } });
    expect(outbox.map((m) => [m.to, m.kind])).toEqual([[known.email, 'account.password-reset']]);
  });

  it('is throttled per address, known or not, and per IP', async () => {
    for (const email of [(await makeUser('hammered')).email, address('ghost')]) {
      for (let i = 0; i < LINK_REQUEST_LIMITS.perAddress; i++)
        expect(await requestPasswordReset(email, { ...context, ip: `192.0.2.${i + 10}` })).toMatchObject({
          outcome: 'accepted',
        });
      expect(await requestPasswordReset(email, { ...context, ip: '192.0.2.99' })).toMatchObject({
        outcome: 'throttled',
        retryAt: expect.any(Date),
      });
    }
    const ip = `2001:db8::${suffix}`;
    for (let i = 0; i < LINK_REQUEST_LIMITS.perIp; i++)
      expect((await requestPasswordReset(address(`spray${i}`), { ...context, ip })).outcome).toBe('accepted');
    expect((await requestPasswordReset(address('spray-last'), { ...context, ip })).outcome).toBe('throttled');
  });
});

describe('the last admin', () => {
  it('cannot be demoted or deactivated, even when two admins act on each other at once', async () => {
    // Only this test's two admins may be active admins here; the others are put back afterwards.
    const others = await db.user.findMany({ where: { role: 'ADMIN', status: 'ACTIVE' }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: 'DEACTIVATED' } });
    try {
      const one = await makeUser('admin-one', { role: 'ADMIN' });
      const two = await makeUser('admin-two', { role: 'ADMIN' });
      const demotions = await Promise.allSettled([
        as(one.id, () => users.changeRole(two.id, 'USER', context)),
        as(two.id, () => users.changeRole(one.id, 'USER', context)),
      ]);
      expect(demotions.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(demotions.find((r) => r.status === 'rejected')).toMatchObject({
        reason: { message: expect.stringMatching(/last active admin/) },
      });
      expect(await db.user.count({ where: { role: 'ADMIN', status: 'ACTIVE' } })).toBe(1);

      await db.user.updateMany({ where: { id: { in: [one.id, two.id] } }, data: { role: 'ADMIN' } });
      const deactivations = await Promise.allSettled([
        as(one.id, () => users.deactivateUser(two.id, context)),
        as(two.id, () => users.deactivateUser(one.id, context)),
      ]);
      expect(deactivations.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await db.user.count({ where: { role: 'ADMIN', status: 'ACTIVE' } })).toBe(1);
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: 'ACTIVE' } });
    }
  });
});

describe('managing accounts', () => {
  it('records every change in the audit log', async () => {
    const { id } = await as(admin.id, () =>
      users.inviteUser({ name: 'Dora', email: address('dora'), role: 'USER' }, context),
    );
    await as(admin.id, () => users.resendInvitation(id, context));
    await as(admin.id, () => users.revokeInvitation(id, context));
    await as(admin.id, () => users.changeRole(id, 'ADMIN', context));
    await as(admin.id, () => users.changeRole(id, 'USER', context));
    await as(admin.id, () => users.deactivateUser(id, context));
    await as(admin.id, () => users.reactivateUser(id, context));
    await db.user.update({
      where: { id },
      data: { status: 'ACTIVE', passwordHash: await (await import('@/lib/password')).hashPassword('dora password 1') },
    });
    await as(admin.id, () => users.sendPasswordReset(id, context));
    await as(id, () => profile.changeMyName('Dora D.', context));
    await as(id, () => profile.changeMyPassword('dora password 1', 'dora password 2', context));
    const emailChange = await as(id, () => profile.requestEmailChange(address('dora-new'), 'dora password 2', context));
    const [emailLink] = await db.accountToken.findMany({ where: { userId: id, purpose: 'EMAIL_CHANGE' } });
    expect(emailLink.newEmail).toBe(emailChange.newEmail);
    await as(id, () => profile.signOutEverywhere(context));
    await as(admin.id, () => users.deleteUser(id, context));

    const events = await db.auditEvent.findMany({
      where: { subjectType: 'user', subjectId: id },
      orderBy: { createdAt: 'asc' },
      select: { action: true, outcome: true, actorId: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      'account.invite',
      'account.invite.resend',
      'account.invite.revoke',
      'account.role',
      'account.role',
      'account.deactivate',
      'account.reactivate',
      'account.password.reset-link',
      'account.name',
      'account.password.change',
      'account.email.request',
      'account.sign-out-everywhere',
      'account.delete',
    ]);
    expect(events.every((e) => e.outcome === 'changed')).toBe(true);
  });

  it('deletes only accounts without invoices or files, and their photo leaves storage', async () => {
    const user = await makeUser('photographed');
    const photoKey = keys.avatar(user.id, `p${suffix}photo`);
    await putObject(photoKey, Buffer.from('not really a photo'), 'image/png');
    await db.user.update({ where: { id: user.id }, data: { avatarKey: photoKey, avatarContentType: 'image/png' } });
    await as(admin.id, () => users.deleteUser(user.id, context));
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await headObject(photoKey)).toBeNull();

    const customer = await db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
    await expect(as(admin.id, () => users.deleteUser(customer.id, context))).rejects.toThrow(
      /Deactivate the account instead/,
    );
  });

  it('deactivation ends the sessions and refuses sign-in', async () => {
    const { checkCredentials } = await import('@/lib/dal/credentials');
    const { hashPassword } = await import('@/lib/password');
    const user = await makeUser('leaving');
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword('leaving password') } });
    const { currentUser } = await import('@/lib/dal/session');
    expect(await as(user.id, () => currentUser())).toMatchObject({ id: user.id });
    await as(admin.id, () => users.deactivateUser(user.id, context));
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(before.sessionVersion).toBe(1);
    expect(await as(user.id, () => currentUser())).toBeNull();
    expect(await checkCredentials({ email: user.email, password: 'leaving password' }, '192.0.2.200')).toEqual({
      outcome: 'deactivated',
    });
  });
});

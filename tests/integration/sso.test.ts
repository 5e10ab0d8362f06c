import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { admitSsoIdentity, type SsoPolicy } from '@/lib/dal/sso';
import type { SsoProfile } from '@/lib/accounts/sso-claims';

// Who single sign-on lets in, and as which account, against the real database (the browser flow
// through a real OpenID provider is in tests/e2e/fresh/accounts.spec.ts).
const suffix = randomBytes(4).toString('hex');
const domain = `sso-${suffix}.test`;
const address = (name: string) => `${name}@${domain}`;
const context = { ip: '192.0.2.77', userAgent: 'vitest' };
const open: SsoPolicy = { allowedDomains: [domain], requireInvite: false };

const person = (name: string, extra: Partial<SsoProfile> = {}): SsoProfile => ({
  subject: `${name}-${suffix}`,
  email: address(name),
  emailVerified: true,
  name,
  admin: null,
  ...extra,
});

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: `@${domain}` } } });
});

const refusals = (email: string) =>
  db.auditEvent.findMany({
    where: { action: 'account.sso.sign-in', outcome: 'refused', detail: { path: ['email'], equals: email } },
    select: { detail: true },
  });

describe('single sign-on admission', () => {
  it('creates an account for a new person of an allowed domain, and signs the same identity in again', async () => {
    const first = await admitSsoIdentity(person('nora'), context, open);
    expect(first).toMatchObject({ admitted: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: address('nora') }, include: { identities: true } });
    expect(user).toMatchObject({ status: 'ACTIVE', role: 'USER', emailVerified: expect.any(Date) });
    expect(user.identities).toMatchObject([{ provider: 'sso', subject: `nora-${suffix}` }]);
    // The identity, not the address, is what signs in later: a changed address at the provider still works.
    expect(await admitSsoIdentity(person('nora', { email: address('nora.new') }), context, open)).toEqual(first);
    expect(await db.auditEvent.count({ where: { action: 'account.sso.create', subjectId: user.id } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { action: 'account.sso.sign-in', subjectId: user.id, outcome: 'granted' } }),
    ).toBe(2);
  });

  it('refuses other domains, missing or unverified addresses, and new people when invitations are required', async () => {
    expect(await admitSsoIdentity(person('out', { email: 'out@elsewhere.test' }), context, open)).toEqual({
      admitted: false,
      reason: 'domain',
    });
    expect(await admitSsoIdentity(person('anon', { email: null }), context, open)).toMatchObject({
      reason: 'no-email',
    });
    expect(await admitSsoIdentity(person('unsure', { emailVerified: false }), context, open)).toMatchObject({
      reason: 'unverified',
    });
    expect(
      await admitSsoIdentity(person('uninvited'), context, { allowedDomains: [], requireInvite: true }),
    ).toMatchObject({ reason: 'not-invited' });
    expect(await db.user.count({ where: { email: { in: [address('unsure'), address('uninvited')] } } })).toBe(0);
    expect(await refusals(address('unsure'))).toMatchObject([{ detail: { reason: 'unverified' } }]);
  });

  it('links an invited account through a verified address, once: another subject for it is refused', async () => {
    const invited = await db.user.create({ data: { email: address('ivy'), name: 'Ivy', status: 'INVITED' } });
    const invitation = { allowedDomains: [domain], requireInvite: true };
    expect(await admitSsoIdentity(person('ivy', { emailVerified: false }), context, invitation)).toMatchObject({
      reason: 'unverified',
    });
    expect(await admitSsoIdentity(person('ivy'), context, invitation)).toEqual({ admitted: true, userId: invited.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ status: 'ACTIVE' });

    const impostor = person('ivy', { subject: `ivy-other-${suffix}` });
    expect(await admitSsoIdentity(impostor, context, invitation)).toEqual({
      admitted: false,
      reason: 'other-identity',
    });
    expect(await db.userIdentity.findMany({ where: { userId: invited.id }, select: { subject: true } })).toEqual([
      { subject: `ivy-${suffix}` },
    ]);
    expect(await db.auditEvent.count({ where: { action: 'account.sso.link', subjectId: invited.id } })).toBe(1);
  });

  it('refuses a deactivated account, linked or not', async () => {
    await admitSsoIdentity(person('dan'), context, open);
    await db.user.update({ where: { email: address('dan') }, data: { status: 'DEACTIVATED' } });
    expect(await admitSsoIdentity(person('dan'), context, open)).toEqual({ admitted: false, reason: 'deactivated' });
    await db.user.create({ data: { email: address('dora'), name: 'Dora', status: 'DEACTIVATED' } });
    expect(await admitSsoIdentity(person('dora'), context, open)).toMatchObject({ reason: 'deactivated' });
  });

  it('follows the admin claim at each sign-in, but never demotes the last active admin', async () => {
    // This test owns the admins: every other active admin steps aside for its duration.
    const others = await db.user.findMany({ where: { role: 'ADMIN', status: 'ACTIVE' }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: 'DEACTIVATED' } });
    try {
      const { userId } = (await admitSsoIdentity(person('ada', { admin: true }), context, open)) as { userId: string };
      expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ role: 'ADMIN' });
      // Out of the group, but the only admin: stays one, and the log says why.
      await admitSsoIdentity(person('ada', { admin: false }), context, open);
      expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ role: 'ADMIN' });
      const { userId: second } = (await admitSsoIdentity(person('abe', { admin: true }), context, open)) as {
        userId: string;
      };
      await admitSsoIdentity(person('ada', { admin: false }), context, open);
      expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ role: 'USER' });
      expect(await db.user.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ role: 'ADMIN' });
      expect(
        await db.auditEvent.findMany({
          where: { action: 'account.role', subjectId: userId },
          select: { outcome: true },
          orderBy: { createdAt: 'asc' },
        }),
      ).toEqual([{ outcome: 'refused' }, { outcome: 'changed' }]);
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: 'ACTIVE' } });
    }
  });
});

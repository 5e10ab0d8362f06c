import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { SsoProfile } from '@/lib/accounts/sso-claims';
import { auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { normalizeEmail } from '@/lib/dal/login-attempts';
import { updateKeepingAnAdmin } from '@/lib/dal/users';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import type { RequestContext } from '@/lib/request-context';

/** The provider id in Auth.js (its callback is /api/auth/callback/sso) and in UserIdentity.provider. */
export const SSO_PROVIDER_ID = 'sso';

export interface SsoPolicy {
  /** Lower-case domains; empty admits any. */
  allowedDomains: string[];
  /** Admit only people who already have an account (invited, or active). */
  requireInvite: boolean;
}

export function ssoPolicy(): SsoPolicy {
  return { allowedDomains: env.SSO_ALLOWED_DOMAINS, requireInvite: env.SSO_REQUIRE_INVITE };
}

export type SsoRefusal = 'no-email' | 'domain' | 'unverified' | 'not-invited' | 'deactivated' | 'other-identity';
export type SsoVerdict = { admitted: true; userId: string } | { admitted: false; reason: SsoRefusal };

const refused = (reason: SsoRefusal): SsoVerdict => ({ admitted: false, reason });

/**
 * Decides whether a person the provider has just signed in may come in, and as which account; and
 * writes what that takes, before Auth.js (which then finds the account through UserIdentity):
 * - an identity already linked (provider + subject) signs in to its account, unless deactivated;
 * - otherwise the provider must vouch for the address (`email_verified: true`). An invited or active
 *   account with that address is linked to the identity, unless it already has a different one:
 *   then it is refused, never re-pointed, so nobody takes an account over by changing their address
 *   at the provider. Without an account, one is created, unless SSO_REQUIRE_INVITE.
 * The address's domain must be allowed in every case. Every outcome is in the audit log.
 */
export async function admitSsoIdentity(
  profile: SsoProfile,
  context: RequestContext,
  policy: SsoPolicy = ssoPolicy(),
  now: Date = new Date(),
): Promise<SsoVerdict> {
  const email = profile.email ? normalizeEmail(profile.email) : null;
  const linked = await db.userIdentity.findUnique({
    where: { provider_subject: { provider: SSO_PROVIDER_ID, subject: profile.subject } },
    select: { id: true, user: { select: { id: true, status: true, role: true } } },
  });
  const existing =
    linked || !email
      ? null
      : await db.user.findUnique({
          where: { email },
          select: { id: true, status: true, role: true, identities: { where: { provider: SSO_PROVIDER_ID } } },
        });
  const account = linked?.user ?? existing ?? null;
  const audit = auditor(account?.id ?? null, context);
  const detail = { email, subject: profile.subject };
  const refuse = async (reason: SsoRefusal) => {
    await audit('account.sso.sign-in', 'refused', account?.id ?? null, { detail: { ...detail, reason } });
    return refused(reason);
  };

  if (!email) return refuse('no-email');
  if (policy.allowedDomains.length && !policy.allowedDomains.includes(email.split('@')[1])) return refuse('domain');
  if (account?.status === 'DEACTIVATED') return refuse('deactivated');
  if (!linked && !profile.emailVerified) return refuse('unverified');
  if (existing && existing.identities.length) return refuse('other-identity');
  if (!account && policy.requireInvite) return refuse('not-invited');

  let userId: string;
  try {
    userId = await db.$transaction(async (tx) => {
      if (linked) {
        await tx.userIdentity.update({ where: { id: linked.id }, data: { lastSignInAt: now } });
        await tx.user.update({ where: { id: linked.user.id }, data: { lastSignInAt: now } });
        return linked.user.id;
      }
      if (existing) {
        // The unique (userId, provider) and (provider, subject) keys make a second identity racing
        // this one fail here rather than link as well.
        await tx.userIdentity.create({
          data: { provider: SSO_PROVIDER_ID, subject: profile.subject, userId: existing.id, email, lastSignInAt: now },
        });
        // Conditional: a deactivation landing since the read keeps the account out.
        const { count } = await tx.user.updateMany({
          where: { id: existing.id, status: { not: 'DEACTIVATED' } },
          data: { status: 'ACTIVE', emailVerified: now, lastSignInAt: now },
        });
        if (!count) throw new DalError('deactivated');
        return existing.id;
      }
      const created = await tx.user.create({
        data: {
          email,
          name: profile.name ?? email.split('@')[0],
          role: profile.admin ? 'ADMIN' : 'USER',
          emailVerified: now,
          lastSignInAt: now,
          identities: { create: { provider: SSO_PROVIDER_ID, subject: profile.subject, email, lastSignInAt: now } },
        },
        select: { id: true },
      });
      return created.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      return refuse('other-identity');
    if (error instanceof DalError) return refuse('deactivated');
    throw error;
  }

  if (!account)
    await audit('account.sso.create', 'changed', userId, {
      detail: { ...detail, role: profile.admin ? 'ADMIN' : 'USER' },
    });
  else if (!linked)
    await audit('account.sso.link', 'changed', userId, { detail: { ...detail, from: existing?.status } });
  if (account) await followAdminClaim(account.id, account.role, profile.admin, auditor(userId, context));
  await auditor(userId, context)('account.sso.sign-in', 'granted', userId, { detail });
  return { admitted: true, userId };
}

/**
 * With SSO_ADMIN_VALUE set, the provider decides who is an admin at each sign-in: the claim promotes,
 * its absence demotes. Except the last active admin, who stays one (the log says so), so that a
 * provider's group change cannot leave Guestpass without anybody to manage it.
 */
async function followAdminClaim(
  userId: string,
  role: Role,
  admin: boolean | null,
  audit: ReturnType<typeof auditor>,
): Promise<void> {
  if (admin === null || (role === 'ADMIN') === admin) return;
  const to: Role = admin ? 'ADMIN' : 'USER';
  try {
    await db.$transaction((tx) => updateKeepingAnAdmin(tx, userId, Prisma.sql`"role" = ${to}::"Role"`));
    await audit('account.role', 'changed', userId, { detail: { from: role, to, by: 'sso' } });
  } catch (error) {
    if (!(error instanceof DalError)) throw error;
    await audit('account.role', 'refused', userId, { detail: { from: role, to, by: 'sso', reason: 'last-admin' } });
  }
}

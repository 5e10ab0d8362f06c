import 'server-only';
import { ACCOUNT_LINKS, PASSWORD_PURPOSES } from '@/lib/accounts/links';
import { db } from '@/lib/db';
import { deadLinkMessage, issueAccountLink, useAccountLink } from '@/lib/dal/account-tokens';
import { sendAccountMail } from '@/lib/dal/account-mail';
import { auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { admitLinkRequest } from '@/lib/dal/link-requests';
import { normalizeEmail } from '@/lib/dal/login-attempts';
import { hashPassword } from '@/lib/password';
import type { RequestContext } from '@/lib/request-context';

/**
 * Sets the password of the account a link was mailed for (an invitation, a set-password link from
 * users:create, a reset). The link is used up in the same transaction; the account becomes active,
 * its address counts as verified, and every session it had ends.
 */
export async function setPasswordFromLink(
  token: string,
  password: string,
  context: RequestContext,
): Promise<{ email: string }> {
  // Hashing takes a moment: done before the transaction, which then holds its locks only briefly.
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const done = await db.$transaction(async (tx) => {
    const link = await useAccountLink(tx, token, PASSWORD_PURPOSES, now);
    if (!link?.userId) return null;
    // A deactivated account's links were voided when it was deactivated; this covers a race with that.
    const [user] = await tx.user.updateManyAndReturn({
      where: { id: link.userId, status: { not: 'DEACTIVATED' } },
      data: { passwordHash, status: 'ACTIVE', emailVerified: now, sessionVersion: { increment: 1 } },
      select: { id: true, email: true },
    });
    if (!user) return null;
    // One password, one link: the account's other live password links stop working too.
    await tx.accountToken.deleteMany({ where: { userId: user.id, purpose: { in: PASSWORD_PURPOSES }, usedAt: null } });
    return { user, purpose: link.purpose };
  });
  if (!done) throw new DalError(await deadLinkMessage(token, PASSWORD_PURPOSES));
  await auditor(done.user.id, context)('account.password.set', 'changed', done.user.id, {
    detail: { purpose: done.purpose },
  });
  return { email: done.user.email };
}

export type ResetRequest = { outcome: 'accepted'; linkMinutes: number } | { outcome: 'throttled'; retryAt: Date };

/**
 * "Forgot password?": mails a reset link when the address belongs to an account that may sign in,
 * and answers exactly the same when it does not, so the form reveals no accounts. Throttled per
 * address and per IP in the database, whatever the address.
 */
export async function requestPasswordReset(
  rawEmail: string,
  context: RequestContext,
  now: Date = new Date(),
): Promise<ResetRequest> {
  const email = normalizeEmail(rawEmail);
  const retryAt = await admitLinkRequest('PASSWORD_RESET', email, context.ip, now);
  if (retryAt) return { outcome: 'throttled', retryAt };
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, status: true },
  });
  if (user && user.status !== 'DEACTIVATED') {
    const link = await db.$transaction(async (tx) => {
      const link = await issueAccountLink(tx, { purpose: 'PASSWORD_RESET', userId: user.id }, now);
      await sendAccountMail(tx, 'password-reset', user, link, {});
      return link;
    });
    await auditor(null, context)('account.password.reset-link', 'changed', user.id, {
      detail: { email, by: 'self', linkExpiresAt: link.expiresAt.toISOString() },
    });
  }
  return { outcome: 'accepted', linkMinutes: ACCOUNT_LINKS.PASSWORD_RESET.ttlSeconds / 60 };
}

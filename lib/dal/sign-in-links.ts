import 'server-only';
import type { VerificationToken } from 'next-auth/adapters';
import { db } from '@/lib/db';
import { auditor } from '@/lib/dal/audit';
import { admitLinkRequest } from '@/lib/dal/link-requests';
import { normalizeEmail } from '@/lib/dal/login-attempts';
import { queueMail } from '@/lib/mail/queue';
import { signInLinkMail } from '@/lib/mail/templates/account-sign-in-link';
import type { RequestContext } from '@/lib/request-context';

/**
 * "Email me a sign-in link". Auth.js's email provider issues the tokens and uses them up (lib/auth.ts,
 * through @auth/prisma-adapter's VerificationToken); these functions decide who is mailed a link and
 * who comes in with one. Called from Auth.js's callbacks, which are public: the link is the proof.
 */

/**
 * Every request for a link, through the sign-in form or posted straight to /api/auth: counted and
 * throttled per address and per IP, known address or not. Returns when to retry, or null.
 */
export async function admitSignInLinkRequest(email: string, context: RequestContext): Promise<Date | null> {
  return admitLinkRequest('SIGN_IN_LINK', normalizeEmail(email), context.ip);
}

/** The account a sign-in link for this address may go to: one that exists and is not deactivated. */
async function linkRecipient(email: string) {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, name: true, email: true, status: true },
  });
  return user && user.status !== 'DEACTIVATED' ? user : null;
}

/**
 * Stores the token of a link Auth.js has just issued, only for an account that may sign in: any
 * other address leaves nothing behind. A new link voids the address's earlier ones, so only the
 * latest mail works (as with every other account link). Auth.js does not read the stored token back.
 */
export async function storeSignInLinkToken(token: VerificationToken): Promise<VerificationToken> {
  if (!(await linkRecipient(token.identifier))) return token;
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier: token.identifier } }),
    db.verificationToken.create({ data: token }),
  ]);
  return token;
}

/**
 * Queues the mail with the link, but only to an account that may sign in. Any other address gets no
 * mail, and the visitor is told exactly what they would have been told otherwise.
 */
export async function mailSignInLink(
  email: string,
  link: { url: string; expiresAt: Date },
  context: RequestContext,
): Promise<void> {
  const user = await linkRecipient(email);
  if (!user) return;
  await queueMail(signInLinkMail, { name: user.name, email: user.email, ...link }, { to: user.email });
  await auditor(null, context)('account.sign-in-link.send', 'changed', user.id, {
    detail: { email: user.email, linkExpiresAt: link.expiresAt.toISOString() },
  });
}

export type SignInLinkVerdict = { admitted: true } | { admitted: false; reason: 'deactivated' | 'unknown' };

/**
 * Someone opened a link, and Auth.js has used up its token (one DELETE: a link works once). An
 * invited account becomes active: the link proves its person reads the invitation's mailbox, as the
 * invitation's own link would. A deactivated account stays out, and so does an address that no
 * longer belongs to an account (changed or deleted since the mail).
 */
export async function admitSignInLink(
  email: string,
  context: RequestContext,
  now: Date = new Date(),
): Promise<SignInLinkVerdict> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, status: true },
  });
  // Conditional on the status: a deactivation landing between the read above and here wins.
  const { count } = user
    ? await db.user.updateMany({
        where: { id: user.id, status: { not: 'DEACTIVATED' } },
        data: { status: 'ACTIVE', lastSignInAt: now },
      })
    : { count: 0 };
  const verdict: SignInLinkVerdict = count
    ? { admitted: true }
    : { admitted: false, reason: user ? 'deactivated' : 'unknown' };
  await auditor(user?.id ?? null, context)(
    'account.sign-in-link.use',
    verdict.admitted ? 'granted' : 'refused',
    user?.id ?? null,
    {
      detail: {
        email: normalizeEmail(email),
        ...(verdict.admitted ? { from: user?.status } : { reason: verdict.reason }),
      },
    },
  );
  return verdict;
}

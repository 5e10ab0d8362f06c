import 'server-only';
import { db } from '@/lib/db';
import { deadLinkMessage, issueAccountLink, useAccountLink } from '@/lib/dal/account-tokens';
import { sendAccountMail } from '@/lib/dal/account-mail';
import { auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { endThisSession, requireUser } from '@/lib/dal/session';
import { Prisma } from '@/lib/generated/prisma/client';
import { hashPassword, verifyPassword } from '@/lib/password';
import type { RequestContext } from '@/lib/request-context';

/** The signed-in person's own account: name, email, password, sessions. */

export async function changeMyName(name: string, context: RequestContext): Promise<void> {
  const user = await requireUser();
  if (name === user.name) return;
  await db.user.update({ where: { id: user.id }, data: { name } });
  await auditor(user.id, context)('account.name', 'changed', user.id, { detail: { from: user.name, to: name } });
}

/** The current password, asked again before a change that would hand the account to someone else. */
async function confirmCurrentPassword(userId: string, password: string): Promise<void> {
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(passwordHash, password)))
    throw new DalError('That is not your current password.', 'currentPassword');
}

/**
 * Starts an email change: a link goes to the new address, and the change happens only when it is
 * opened, so nobody can move an account to an address they do not read.
 */
export async function requestEmailChange(
  newEmail: string,
  currentPassword: string,
  context: RequestContext,
): Promise<{ newEmail: string; expiresAt: Date }> {
  const user = await requireUser();
  if (newEmail === user.email) throw new DalError('That is already your email address.', 'email');
  await confirmCurrentPassword(user.id, currentPassword);
  if (await db.user.count({ where: { email: newEmail } }))
    throw new DalError('Another account uses that address. Choose another.', 'email');
  const link = await db.$transaction(async (tx) => {
    const link = await issueAccountLink(tx, { purpose: 'EMAIL_CHANGE', userId: user.id, newEmail });
    await sendAccountMail(tx, 'email-change', { name: user.name, email: newEmail }, link, {});
    return link;
  });
  await auditor(user.id, context)('account.email.request', 'changed', user.id, {
    detail: { from: user.email, to: newEmail, linkExpiresAt: link.expiresAt.toISOString() },
  });
  return { newEmail, expiresAt: link.expiresAt };
}

/** Opens an email-change link: the account's address becomes the one the link was mailed to. */
export async function confirmEmailChange(token: string, context: RequestContext): Promise<{ email: string }> {
  const now = new Date();
  const changed = await db
    .$transaction(async (tx) => {
      const link = await useAccountLink(tx, token, ['EMAIL_CHANGE'], now);
      if (!link?.userId || !link.newEmail) return null;
      const before = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { email: true } });
      await tx.user.update({ where: { id: link.userId }, data: { email: link.newEmail, emailVerified: now } });
      return { userId: link.userId, from: before.email, to: link.newEmail };
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        throw new DalError('Another account took that address in the meantime. Choose another on your profile.');
      throw error;
    });
  if (!changed) throw new DalError(await deadLinkMessage(token, ['EMAIL_CHANGE']));
  await auditor(changed.userId, context)('account.email.change', 'changed', changed.userId, {
    detail: { from: changed.from, to: changed.to },
  });
  return { email: changed.to };
}

/**
 * Changes the password (the current one is required) and ends every session of the account; the
 * action signs this browser in again with the new password.
 */
export async function changeMyPassword(
  currentPassword: string,
  password: string,
  context: RequestContext,
): Promise<{ email: string }> {
  const user = await requireUser();
  await confirmCurrentPassword(user.id, currentPassword);
  const passwordHash = await hashPassword(password);
  await db.user.update({
    where: { id: user.id },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  await auditor(user.id, context)('account.password.change', 'changed', user.id);
  return { email: user.email };
}

/** "Sign out": ends this session alone; a copy of its cookie stops working with it. */
export async function signOutThisSession(context: RequestContext): Promise<void> {
  const userId = await endThisSession();
  if (userId) await auditor(userId, context)('account.sign-out', 'changed', userId);
}

/**
 * "Sign out everywhere": ends every session of the account, on every device, this one included (the
 * session version moves on).
 */
export async function signOutEverywhere(context: RequestContext): Promise<void> {
  const user = await requireUser();
  await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  await auditor(user.id, context)('account.sign-out-everywhere', 'changed', user.id);
}

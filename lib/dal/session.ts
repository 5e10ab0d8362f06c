import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/lib/auth';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/session-policy';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  avatarUpdatedAt: Date | null;
}

/**
 * The signed-in user, read fresh from the database once per request: a deleted or deactivated
 * account, a changed role, or an ended session takes effect at once, whatever the cookie still says.
 * A session has ended when
 * - the account's sessionVersion moved past the one in its token: a password change, deactivation
 *   and "Sign out everywhere" raise it (lib/dal/profile.ts, users.ts), ending every session;
 * - it was signed out on its own: its id is in EndedSession (endThisSession);
 * - it began more than SESSION_MAX_AGE_SECONDS ago, however often its cookie was refreshed, so an
 *   ended session's id need not be kept longer than that.
 * A copied cookie is the same token, so it stops working at the same moment.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id || !session.user.sessionId) return null;
  const { id, sessionVersion, sessionId, signedInAt } = session.user;
  if ((signedInAt + SESSION_MAX_AGE_SECONDS) * 1000 <= Date.now()) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      avatarUpdatedAt: true,
      status: true,
      sessionVersion: true,
      endedSessions: { where: { sessionId }, select: { sessionId: true } },
    },
  });
  if (!user || user.status !== 'ACTIVE' || user.sessionVersion !== sessionVersion || user.endedSessions.length)
    return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, avatarUpdatedAt: user.avatarUpdatedAt };
});

/** Signs out the caller's session alone: its id is refused from now until it would have expired anyway. */
export async function endThisSession(): Promise<string | null> {
  const session = await auth();
  const user = await currentUser();
  if (!user || !session) return null;
  const expiresAt = new Date((session.user.signedInAt + SESSION_MAX_AGE_SECONDS) * 1000);
  await db.$transaction([
    db.endedSession.deleteMany({ where: { userId: user.id, expiresAt: { lt: new Date() } } }),
    db.endedSession.create({ data: { sessionId: session.user.sessionId, userId: user.id, expiresAt } }),
  ]);
  return user.id;
}

/** For pages and actions: the signed-in user, or a redirect to /login. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  return user;
}

/** For admin pages and actions: the signed-in admin; anyone else gets 403. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== 'ADMIN') forbidden();
  return user;
}

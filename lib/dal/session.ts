import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/lib/auth';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/session-policy';
import { db } from '@/lib/db';
import { type SessionClaims, sessionUserSql } from '@/lib/dal/session-sql';
import type { Role } from '@/lib/generated/prisma/enums';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  avatarUpdatedAt: Date | null;
}

/**
 * The session cookie's claims, or null when there is none or its session began more than
 * SESSION_MAX_AGE_SECONDS ago, however often its cookie was refreshed (so an ended session's id need
 * not be kept longer than that).
 */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const session = await auth();
  if (!session?.user?.id || !session.user.sessionId) return null;
  const { id, sessionVersion, sessionId, signedInAt } = session.user;
  if ((signedInAt + SESSION_MAX_AGE_SECONDS) * 1000 <= Date.now()) return null;
  return { userId: id, sessionVersion, sessionId };
}

/**
 * The signed-in user, read fresh from the database once per request: a deleted or deactivated
 * account, a changed role, or an ended session (sessionUserSql) takes effect at once, whatever the
 * cookie still says.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const [user] = await db.$queryRaw<SessionUser[]>`
    SELECT u."id", u."email", u."name", u."role", u."avatarUpdatedAt" FROM ${sessionUserSql(claims)} AS u`;
  return user ?? null;
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

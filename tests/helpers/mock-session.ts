import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/dal/session';
import type { SessionClaims } from '@/lib/dal/session-sql';

/**
 * Stands in for lib/dal/session.ts in integration tests: only the session lookup is replaced (by
 * `signedInAs`); the DAL under test still reads and writes the real database and S3.
 *
 *   vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));
 */
let user: SessionUser | null = null;
let claims: SessionClaims | null = null;

export class RedirectToLogin extends Error {}
export class Forbidden extends Error {}

/** Signs in as a seeded (or test-made) account by email; null signs out. */
export async function signedInAs(email: string | null): Promise<SessionUser | null> {
  if (!email) {
    [user, claims] = [null, null];
    return null;
  }
  const { sessionVersion, ...account } = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, role: true, avatarUpdatedAt: true, sessionVersion: true },
  });
  user = account;
  claims = { userId: account.id, sessionVersion, sessionId: `test-session-${account.id}` };
  return user;
}

export async function currentUser(): Promise<SessionUser | null> {
  return user;
}

export async function requireUser(): Promise<SessionUser> {
  if (!user) throw new RedirectToLogin('redirect to /login');
  return user;
}

export async function requireAdmin(): Promise<SessionUser> {
  const signedIn = await requireUser();
  if (signedIn.role !== 'ADMIN') throw new Forbidden('403');
  return signedIn;
}

export async function sessionClaims(): Promise<SessionClaims | null> {
  return claims;
}

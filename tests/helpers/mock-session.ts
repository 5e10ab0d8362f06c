import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/dal/session';

/**
 * Stands in for lib/dal/session.ts in integration tests: only the session lookup is replaced (by
 * `signedInAs`); the DAL under test still reads and writes the real database and S3.
 *
 *   vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));
 */
let user: SessionUser | null = null;

export class RedirectToLogin extends Error {}
export class Forbidden extends Error {}

/** Signs in as a seeded (or test-made) account by email; null signs out. */
export async function signedInAs(email: string | null): Promise<SessionUser | null> {
  user = email
    ? await db.user.findUniqueOrThrow({
        where: { email },
        select: { id: true, email: true, name: true, role: true, avatarUpdatedAt: true },
      })
    : null;
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

import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/lib/auth';
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
 * The signed-in user, read fresh from the database once per request: a deleted account or a
 * changed role takes effect at once, whatever the session cookie still says.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true, avatarUpdatedAt: true },
  });
});

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

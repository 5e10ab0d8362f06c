import 'server-only';
import { credentialsSchema } from '@/lib/sign-in-input';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/password';
import { loginThrottle, normalizeEmail, recordLoginAttempt, withLoginLocks } from '@/lib/dal/login-attempts';
import type { Role } from '@/lib/generated/prisma/enums';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Goes into the session token; see currentUser(). */
  sessionVersion: number;
}

export type CredentialsVerdict =
  | { outcome: 'authenticated'; user: AuthenticatedUser }
  | { outcome: 'invalid' }
  /** The right password for a deactivated account: said as it is, since only its holder learns it. */
  | { outcome: 'deactivated' }
  | { outcome: 'throttled'; retryAt: Date };

/**
 * Checks an email and password, throttling repeated failures. Wrong email and wrong password give
 * the same answer and take the same time.
 */
export async function checkCredentials(input: unknown, ip: string): Promise<CredentialsVerdict> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { outcome: 'invalid' };
  const email = normalizeEmail(parsed.data.email);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, status: true, sessionVersion: true },
  });
  const valid = await withLoginLocks(email, ip, async (tx) => {
    const throttle = await loginThrottle(email, ip, new Date(), tx);
    if (throttle.blocked) return throttle;
    const ok = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
    await recordLoginAttempt(email, ip, ok, tx);
    return ok;
  });
  if (typeof valid !== 'boolean') return { outcome: 'throttled', retryAt: valid.retryAt };
  if (!user || !valid) return { outcome: 'invalid' };
  if (user.status === 'DEACTIVATED') return { outcome: 'deactivated' };
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const { id, name, role, sessionVersion } = user;
  return { outcome: 'authenticated', user: { id, email: user.email, name, role, sessionVersion } };
}

import 'server-only';
import { LINK_REQUEST_LIMITS } from '@/lib/accounts/links';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

// Kept apart from the modules that write these rows for the same reason as avatar-cleanup.ts: the
// cleanup task runs outside Next, where the session module cannot load.

export interface ExpiredRecords {
  signInLinks: number;
  endedSessions: number;
  linkRequests: number;
  loginAttempts: number;
}

/**
 * Rows that only matter for a while, removed once nothing can read them any more: sign-in link
 * tokens past their expiry, ended sessions whose cookie would have expired anyway, and throttle
 * records older than their window (the throttles count only inside it). The audit log keeps the
 * events themselves.
 */
export async function cleanupExpiredRecords(now: Date = new Date()): Promise<ExpiredRecords> {
  const before = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const [signInLinks, endedSessions, linkRequests, loginAttempts] = await db.$transaction([
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
    db.endedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.linkRequest.deleteMany({ where: { createdAt: { lt: before(LINK_REQUEST_LIMITS.windowMinutes) } } }),
    db.loginAttempt.deleteMany({ where: { createdAt: { lt: before(env.LOGIN_THROTTLE_WINDOW_MINUTES) } } }),
  ]);
  return {
    signInLinks: signInLinks.count,
    endedSessions: endedSessions.count,
    linkRequests: linkRequests.count,
    loginAttempts: loginAttempts.count,
  };
}

import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

// Apart from lib/dal/session.ts (which needs Auth.js), so that tests replacing the session lookup
// keep this rule as it is.

/** What a session cookie claims (lib/auth.ts's jwt callback), not yet checked against the account. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  sessionId: string;
}

/**
 * The account behind `claims` while their session is current, as a subquery of at most one "User"
 * row: the one rule currentUser() reads through, and that statements deciding a click in one round
 * trip join. A session has ended when
 * - the account is not ACTIVE (deactivated, or an invitation not yet accepted);
 * - the account's sessionVersion moved past the one in its token: a password change, deactivation
 *   and "Sign out everywhere" raise it (lib/dal/profile.ts, users.ts), ending every session;
 * - it was signed out on its own: its id is in EndedSession (endThisSession).
 * A copied cookie is the same token, so it stops working at the same moment.
 */
export function sessionUserSql(claims: SessionClaims | null): Prisma.Sql {
  if (!claims) return Prisma.sql`(SELECT * FROM "User" WHERE false)`;
  return Prisma.sql`(SELECT * FROM "User" su
    WHERE su."id" = ${claims.userId} AND su."status" = 'ACTIVE' AND su."sessionVersion" = ${claims.sessionVersion}
      AND NOT EXISTS (
        SELECT 1 FROM "EndedSession" es WHERE es."sessionId" = ${claims.sessionId} AND es."userId" = su."id"))`;
}

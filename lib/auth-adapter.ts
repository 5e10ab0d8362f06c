import 'server-only';
import { PrismaAdapter } from '@auth/prisma-adapter';
import type { Adapter } from 'next-auth/adapters';
import { db } from '@/lib/db';
import { normalizeEmail } from '@/lib/dal/login-attempts';
import { storeSignInLinkToken } from '@/lib/dal/sign-in-links';

const ACCOUNT_FIELDS = { id: true, email: true, name: true, emailVerified: true, role: true, sessionVersion: true };

/**
 * Auth.js's database access, assembled by hand. Sign-in link tokens are Auth.js's own
 * VerificationToken model: @auth/prisma-adapter uses them up, and lib/dal/sign-in-links.ts stores
 * them, for accounts that may sign in only. Accounts cannot come from the adapter: it expects Auth.js's
 * User and Account models, and ours (User, UserIdentity) differ. So accounts are read here, with the
 * claims every session carries (role, sessionVersion, see lib/auth.ts), and nothing else is written:
 * who may sign in, and every account or identity created or linked, is decided by the signIn callback
 * (lib/dal/sign-in-links.ts, lib/dal/sso.ts), which runs before Auth.js looks the account up again.
 * Auth.js's createUser and linkAccount are left out on purpose: after that callback Auth.js always
 * finds the account, and if it ever did not, failing is right.
 */
const verificationTokens = PrismaAdapter(db);

export const authAdapter: Adapter = {
  // Auth.js issues a token for every address asked for; only an account that may sign in gets one stored.
  createVerificationToken: storeSignInLinkToken,
  // One DELETE of the token's row: of two clicks on the same link, one gets it. Auth.js checks the
  // expiry after, so an expired link is used up too.
  useVerificationToken: verificationTokens.useVerificationToken,
  async getUserByEmail(email) {
    const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: ACCOUNT_FIELDS });
    return user;
  },
  async getUserByAccount({ provider, providerAccountId }) {
    const identity = await db.userIdentity.findUnique({
      where: { provider_subject: { provider, subject: providerAccountId } },
      select: { user: { select: ACCOUNT_FIELDS } },
    });
    return identity?.user ?? null;
  },
  // Auth.js asks who is signed in only to link a new identity to that account. Identities are linked
  // through a verified address alone (lib/dal/sso.ts), never through whoever holds the browser.
  async getUser() {
    return null;
  },
  // The one write Auth.js makes itself: an email link proved the address.
  async updateUser({ id, emailVerified }) {
    return db.user.update({ where: { id }, data: { emailVerified }, select: ACCOUNT_FIELDS });
  },
};

import 'server-only';
import { randomUUID } from 'node:crypto';
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { secureCookies } from '@/lib/secure-cookies';
import { checkCredentials } from '@/lib/dal/credentials';
import { contextFromHeaders } from '@/lib/request-context';
import { safeReturnPath } from '@/lib/return-path';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/session-policy';
import type { Role } from '@/lib/generated/prisma/enums';

declare module 'next-auth' {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    /**
     * sessionVersion: the account's version when this session began; sessionId: this session's own
     * id; signedInAt: when it began, in seconds (see currentUser()).
     */
    user: {
      id: string;
      role: Role;
      sessionVersion: number;
      sessionId: string;
      signedInAt: number;
    } & DefaultSession['user'];
  }
}

/** Thrown by authorize() while the account or IP is throttled; the sign-in form explains it. */
export class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
}

/** Thrown by authorize() for the right password of a deactivated account. */
export class DeactivatedSignin extends CredentialsSignin {
  code = 'deactivated';
}

// The config is a function so that env is read at request time, not at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env.AUTH_SECRET,
  // The app is reached through APP_URL; the host header is trusted to build callback URLs.
  trustHost: true,
  // Secure, __Secure-/__Host- prefixed cookies whenever APP_URL is https, whatever a proxy forwards.
  useSecureCookies: secureCookies(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  // A wrong password is an expected outcome, not an error worth a stack trace in the server log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const verdict = await checkCredentials(credentials, contextFromHeaders(request.headers).ip);
        if (verdict.outcome === 'authenticated') return verdict.user;
        if (verdict.outcome === 'throttled') throw new ThrottledSignin();
        if (verdict.outcome === 'deactivated') throw new DeactivatedSignin();
        return null;
      },
    }),
  ],
  callbacks: {
    // Auth.js's own redirects (sign-out, its built-in pages) follow the same rule as the sign-in form.
    redirect({ url }) {
      return `${env.APP_URL}${safeReturnPath(url, env.APP_URL)}`;
    },
    // No database access here: this runs on every auth() call. currentUser() compares the version
    // with the account's on each request instead.
    jwt({ token, user }) {
      if (user) {
        // At sign-in only: these stay with the token for its whole life.
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
        token.sessionId = randomUUID();
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.user.role = token.role as Role;
      // A token from before these claims existed gets values that currentUser() refuses.
      session.user.sessionVersion = typeof token.sessionVersion === 'number' ? token.sessionVersion : -1;
      session.user.sessionId = typeof token.sessionId === 'string' ? token.sessionId : '';
      session.user.signedInAt = typeof token.signedInAt === 'number' ? token.signedInAt : 0;
      return session;
    },
  },
}));

import 'server-only';
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { checkCredentials } from '@/lib/dal/credentials';
import { contextFromHeaders } from '@/lib/request-context';
import { safeReturnPath } from '@/lib/return-path';
import type { Role } from '@/lib/generated/prisma/enums';

declare module 'next-auth' {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; role: Role } & DefaultSession['user'];
  }
}

/** Thrown by authorize() while the account or IP is throttled; the sign-in form explains it. */
export class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// The config is a function so that env is read at request time, not at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env.AUTH_SECRET,
  // The app is reached through APP_URL; the host header is trusted to build callback URLs.
  trustHost: true,
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
        return null;
      },
    }),
  ],
  callbacks: {
    // Auth.js's own redirects (sign-out, its built-in pages) follow the same rule as the sign-in form.
    redirect({ url }) {
      return `${env.APP_URL}${safeReturnPath(url, env.APP_URL)}`;
    },
    jwt({ token, user }) {
      if (user?.role) token.role = user.role;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.user.role = token.role as Role;
      return session;
    },
  },
}));

import 'server-only';
import { randomUUID } from 'node:crypto';
import NextAuth, { CredentialsSignin, type DefaultSession, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import Nodemailer from 'next-auth/providers/nodemailer';
import type { OIDCConfig } from 'next-auth/providers';
import { SIGN_IN_LINK_SECONDS } from '@/lib/accounts/links';
import { readSsoProfile } from '@/lib/accounts/sso-claims';
import { authAdapter } from '@/lib/auth-adapter';
import { env } from '@/lib/env';
import { secureCookies } from '@/lib/secure-cookies';
import { checkCredentials } from '@/lib/dal/credentials';
import { admitSignInLink, admitSignInLinkRequest, mailSignInLink } from '@/lib/dal/sign-in-links';
import { admitSsoIdentity, SSO_PROVIDER_ID } from '@/lib/dal/sso';
import { contextFromHeaders, requestContext, type RequestContext } from '@/lib/request-context';
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

/** The provider id of sign-in links: their mail points at /login/link/open, which opens /api/auth/callback/email. */
export const EMAIL_LINK_PROVIDER_ID = 'email';

/**
 * Where a refused email-link or SSO sign-in lands: the sign-in page, which explains `error`
 * (lib/accounts/sign-in-errors.ts). Auth.js's own errors land there too (pages.error).
 */
export const signInRefusal = (code: string) => `/login?${new URLSearchParams({ error: code })}`;

/** Single sign-on, when SSO_ISSUER is set: the authorization code flow with PKCE, state and nonce. */
function ssoProvider(): OIDCConfig<Record<string, unknown>>[] {
  if (!env.SSO_ISSUER) return [];
  return [
    {
      id: SSO_PROVIDER_ID,
      name: env.SSO_BUTTON_LABEL,
      type: 'oidc',
      issuer: env.SSO_ISSUER,
      clientId: env.SSO_CLIENT_ID,
      clientSecret: env.SSO_CLIENT_SECRET,
      checks: ['pkce', 'state', 'nonce'],
      // The profile comes from userinfo: many providers put little more than `sub` in the ID token
      // (which is still verified, nonce included).
      idToken: false,
      authorization: { params: { scope: env.SSO_SCOPES } },
    },
  ];
}

// The config is a function so that env is read at request time, not at build time. `request` is
// there for Auth.js's routes; server actions (signIn() below) have none and read Next's headers.
export const { handlers, auth, signIn, signOut } = NextAuth((request): NextAuthConfig => ({
  secret: env.AUTH_SECRET,
  // The app is reached through APP_URL (app/api/auth/[...nextauth]/route.ts); the host header
  // is trusted for server actions' calls.
  trustHost: true,
  // Secure, __Secure-/__Host- prefixed cookies whenever APP_URL is https, whatever a proxy forwards.
  useSecureCookies: secureCookies(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  adapter: authAdapter,
  // A wrong password, or a sign-in link used twice or too late, is an expected outcome, not an
  // error worth a stack trace in the server log (the sign-in page explains it).
  logger: {
    error(error) {
      const type = (error as { type?: string }).type;
      if (error instanceof CredentialsSignin || type === 'CredentialsSignin' || type === 'Verification') return;
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
    Nodemailer({
      id: EMAIL_LINK_PROVIDER_ID,
      name: 'Email link',
      maxAge: SIGN_IN_LINK_SECONDS,
      // Required by the factory, used only by its own sender: ours queues the mail (the job worker
      // sends it through SMTP_URL with retries).
      server: {},
      async sendVerificationRequest({ identifier, url, expires }) {
        // Auth.js builds the link from the request's host; the mail points at APP_URL whatever the
        // Host header said, and at a page with a button, so that mail scanners fetching links
        // do not use it up.
        const { searchParams } = new URL(url);
        const link = `${env.APP_URL}/login/link/open?${searchParams}`;
        await mailSignInLink(identifier, { url: link, expiresAt: expires }, await contextOf(request));
      },
    }),
    ...ssoProvider(),
  ],
  callbacks: {
    // Who may sign in by link or SSO, decided (and any account written) before Auth.js goes on.
    async signIn({ user, account, profile, email }) {
      const context = await contextOf(request);
      if (account?.provider === EMAIL_LINK_PROVIDER_ID) {
        // Asking for a link: the same answer for every address (the mail goes only to an account
        // that may sign in), but throttled, also when posted straight to /api/auth.
        if (email?.verificationRequest)
          return (await admitSignInLinkRequest(user.email ?? '', context)) ? signInRefusal('link-throttled') : true;
        const verdict = await admitSignInLink(user.email ?? '', context);
        return verdict.admitted || signInRefusal(`link-${verdict.reason}`);
      }
      if (account?.provider === SSO_PROVIDER_ID) {
        const claims = readSsoProfile(profile ?? {}, { claim: env.SSO_ADMIN_CLAIM, value: env.SSO_ADMIN_VALUE });
        const verdict = await admitSsoIdentity(claims, context);
        return verdict.admitted || signInRefusal(`sso-${verdict.reason}`);
      }
      // Passwords: authorize() above has decided.
      return true;
    },
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

function contextOf(request: { headers: Headers } | undefined): Promise<RequestContext> {
  return request ? Promise.resolve(contextFromHeaders(request.headers)) : requestContext();
}

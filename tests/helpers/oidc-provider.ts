/**
 * A real OpenID Provider for the single sign-on tests: `oidc-provider` (a certified implementation),
 * in-process, with its built-in login and consent pages (any password is accepted) and the people
 * below. The fresh-database app server (tests/e2e/fresh/server.ts) starts it at E2E_SSO_ISSUER and
 * is configured with ssoAppEnv(); the specs sign in as these people.
 */
import type { Server } from 'node:http';
// oidc-provider ships no type declarations (tests/helpers/untyped-modules.d.ts).
import Provider from 'oidc-provider';

export const SSO_CLIENT = { id: 'guestpass-e2e', secret: 'guestpass-e2e-client-secret' };
export const SSO_BUTTON_LABEL = 'Sign in with Corp SSO';
export const SSO_ADMIN_GROUP = 'guestpass-admins';

/** Who can sign in at the provider, by the login typed into its form. */
export const SSO_PEOPLE = {
  olga: {
    sub: 'olga-1',
    email: 'olga@corp.example',
    email_verified: true,
    name: 'Olga Okta',
    groups: [SSO_ADMIN_GROUP],
  },
  sam: { sub: 'sam-1', email: 'sam@corp.example', email_verified: true, name: 'Sam Staff', groups: [] },
  mallory: { sub: 'mallory-1', email: 'mallory@elsewhere.example', email_verified: true, name: 'Mallory', groups: [] },
  // Three identities for one invited address: unverified, the real one, and another subject later.
  victorUnverified: {
    sub: 'victor-0',
    email: 'victor@corp.example',
    email_verified: false,
    name: 'Victor',
    groups: [],
  },
  victor: { sub: 'victor-1', email: 'victor@corp.example', email_verified: true, name: 'Victor Vetted', groups: [] },
  victorImpostor: {
    sub: 'victor-2',
    email: 'victor@corp.example',
    email_verified: true,
    name: 'Not Victor',
    groups: [],
  },
} as const;
export type SsoPerson = keyof typeof SSO_PEOPLE;

/** The app's SSO configuration for this provider (lib/env.ts, README "Single sign-on"). */
export function ssoAppEnv(issuer: string): Record<string, string> {
  return {
    SSO_ISSUER: issuer,
    SSO_CLIENT_ID: SSO_CLIENT.id,
    SSO_CLIENT_SECRET: SSO_CLIENT.secret,
    SSO_BUTTON_LABEL,
    SSO_SCOPES: 'openid email profile groups',
    SSO_ALLOWED_DOMAINS: 'corp.example',
    SSO_ADMIN_CLAIM: 'groups',
    SSO_ADMIN_VALUE: SSO_ADMIN_GROUP,
  };
}

/** Starts the provider at `issuer` (http://127.0.0.1:<port>) for an app at `appUrl`. */
export async function startOidcProvider(issuer: string, appUrl: string): Promise<{ stop: () => Promise<void> }> {
  const people: Record<string, (typeof SSO_PEOPLE)[SsoPerson]> = SSO_PEOPLE;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: SSO_CLIENT.id,
        client_secret: SSO_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/sso`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // PKCE for every client (by default only public clients must use it): the app must send it.
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    findAccount: async (_ctx: unknown, id: string) =>
      Object.hasOwn(people, id) ? { accountId: id, claims: async () => people[id] } : undefined,
    cookies: { keys: ['guestpass-e2e-oidc-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = provider.listen(Number(new URL(issuer).port), new URL(issuer).hostname);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

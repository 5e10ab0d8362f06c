import type { AccountTokenPurpose } from '@/lib/generated/prisma/enums';

const HOUR = 3600;

/**
 * Every kind of one-time account link, one row each: how long it lives and which page opens it.
 * Invitations wait for people who may read their mail days later; a reset link is only ever asked
 * for by someone waiting for it, so it lives briefly.
 */
export const ACCOUNT_LINKS = {
  SETUP: { ttlSeconds: 24 * HOUR, path: '/setup' },
  INVITATION: { ttlSeconds: 72 * HOUR, path: '/account/password' },
  PASSWORD_SET: { ttlSeconds: 72 * HOUR, path: '/account/password' },
  PASSWORD_RESET: { ttlSeconds: 30 * 60, path: '/account/password' },
  EMAIL_CHANGE: { ttlSeconds: 24 * HOUR, path: '/account/email' },
} as const satisfies Record<AccountTokenPurpose, { ttlSeconds: number; path: string }>;

/** The purposes a password page accepts: each sets a password (and activates an invited account). */
export const PASSWORD_PURPOSES = [
  'INVITATION',
  'PASSWORD_SET',
  'PASSWORD_RESET',
] as const satisfies AccountTokenPurpose[];

export function accountLinkUrl(appUrl: string, purpose: AccountTokenPurpose, token: string): string {
  return `${appUrl}${ACCOUNT_LINKS[purpose].path}?token=${token}`;
}

/**
 * "Email me a sign-in link": how long its link works. Short, like a reset link: only someone waiting
 * for it asks. (Auth.js issues and checks these; see lib/auth.ts.)
 */
export const SIGN_IN_LINK_SECONDS = 15 * 60;

/**
 * Requests for a mailed link from signed-out visitors ("Forgot password?", "Email me a sign-in
 * link"; each counted on its own), per address and per IP
 * inside a sliding window. Counted for unknown addresses too, so the limit says nothing about which
 * accounts exist.
 */
export const LINK_REQUEST_LIMITS = { perAddress: 3, perIp: 20, windowMinutes: 15 } as const;

/** What every mail carrying a one-time account link is given (lib/mail/templates/account-*.ts). */
export interface AccountLinkMail {
  name: string;
  email: string;
  url: string;
  expiresAt: Date;
}

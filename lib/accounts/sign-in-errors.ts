import { SIGN_IN_LINK_SECONDS } from '@/lib/accounts/links';

const DEACTIVATED = 'This account is deactivated. Ask an administrator to reactivate it.';

/**
 * What the sign-in page says when a sign-in by link or single sign-on was refused (`/login?error=`):
 * our own refusals (lib/auth.ts, signIn callback) and the codes of Auth.js's errors.
 */
const SIGN_IN_ERRORS: Record<string, string> = {
  Verification: `This sign-in link has expired or was already used. Each link works once, for ${SIGN_IN_LINK_SECONDS / 60} minutes: ask for a new one.`,
  'link-throttled':
    'Too many sign-in links were asked for this address or from your network. Try again in a few minutes.',
  'link-deactivated': DEACTIVATED,
  'link-unknown':
    'This sign-in link belongs to no account any more. Sign in with your current address, or ask an administrator.',
  'sso-no-email':
    'Your single sign-on account shares no email address with Guestpass. Ask the administrator of your identity provider to share it.',
  'sso-domain':
    'Single sign-on is open only to addresses of certain domains, and yours is not one of them. Use an address of your organisation, or ask an administrator.',
  'sso-unverified':
    'Your identity provider has not verified your email address, so it cannot be used to sign in here. Verify it there, then try again.',
  'sso-not-invited': 'You have no account here yet. Ask an administrator to invite you, then sign in again.',
  'sso-deactivated': DEACTIVATED,
  'sso-other-identity':
    'An account with your email address is already linked to a different single sign-on identity, so this one was refused. Ask an administrator.',
};

const FALLBACK = 'Sign-in did not work. Try again; if it keeps failing, ask an administrator.';

/** The message for an `error` query value; null when there is none. */
export function signInErrorMessage(code: unknown): string | null {
  if (typeof code !== 'string' || !code) return null;
  return Object.hasOwn(SIGN_IN_ERRORS, code) ? SIGN_IN_ERRORS[code] : FALLBACK;
}

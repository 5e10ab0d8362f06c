'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { emailAddress } from '@/lib/accounts/input';
import { SIGN_IN_LINK_SECONDS } from '@/lib/accounts/links';
import { formFields } from '@/lib/action-state';
import { defineFormAction } from '@/lib/actions/builder';
import { EMAIL_LINK_PROVIDER_ID, signIn } from '@/lib/auth';
import { credentialsSchema } from '@/lib/sign-in-input';
import { DalError } from '@/lib/dal/errors';
import { linkRequestRetryAt } from '@/lib/dal/link-requests';
import { loginThrottle, normalizeEmail } from '@/lib/dal/login-attempts';
import { SSO_PROVIDER_ID } from '@/lib/dal/sso';
import { env } from '@/lib/env';
import { formatRelative } from '@/lib/format';
import { safeReturnPath } from '@/lib/return-path';

const WRONG_CREDENTIALS = 'Wrong email or password. Check both and try again.';

/** Where to go once signed in: a path on this site, whatever the form said. */
const callbackUrl = z.unknown().transform((value) => safeReturnPath(value, env.APP_URL));

export const signInAction = defineFormAction({
  role: 'public',
  input: credentialsSchema.extend({ callbackUrl }),
  fromForm: (form) => formFields(form, 'email', 'password', 'callbackUrl'),
  run: async ({ callbackUrl, ...credentials }, { request }) => {
    try {
      await signIn('credentials', { ...credentials, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin && error.code === 'throttled') {
        const verdict = await loginThrottle(credentials.email, request.ip);
        const retryAt = verdict.blocked ? verdict.retryAt : new Date(Date.now() + 60_000);
        throw new DalError(`Too many failed sign-ins. For your security, try again ${formatRelative(retryAt)}.`);
      }
      if (error instanceof CredentialsSignin && error.code === 'deactivated')
        throw new DalError('This account is deactivated. Ask an administrator to reactivate it.');
      if (error instanceof AuthError)
        throw new DalError(
          error.type === 'CredentialsSignin' ? WRONG_CREDENTIALS : 'Sign-in failed. Try again in a moment.',
        );
      throw error;
    }
    redirect(callbackUrl);
  },
});

/**
 * "Email me a sign-in link", through Auth.js's email provider (lib/auth.ts): the same answer whether
 * or not the address has an account; only the throttle answers differently, and for every address.
 */
export const emailSignInLinkAction = defineFormAction({
  role: 'public',
  input: z.object({ email: emailAddress, callbackUrl }),
  fromForm: (form) => formFields(form, 'email', 'callbackUrl'),
  run: async ({ email, callbackUrl }, { request }) => {
    const landing = await signIn(EMAIL_LINK_PROVIDER_ID, { email, redirect: false, redirectTo: callbackUrl });
    if (new URL(landing, env.APP_URL).searchParams.get('error') === 'link-throttled') {
      const retryAt =
        (await linkRequestRetryAt('SIGN_IN_LINK', normalizeEmail(email), request.ip)) ?? new Date(Date.now() + 60_000);
      throw new DalError(
        `Too many sign-in links asked for this address or from your network. Try again ${formatRelative(retryAt)}.`,
      );
    }
    return { linkMinutes: SIGN_IN_LINK_SECONDS / 60 };
  },
  success: ({ linkMinutes }) =>
    `If an account uses that address, a sign-in link is on its way. It works once, for ${linkMinutes} minutes. No mail? Check the spam folder, or ask again in a few minutes.`,
});

/** The single sign-on button: on to the identity provider (authorization code with PKCE). */
export const ssoSignInAction = defineFormAction({
  role: 'public',
  input: z.object({ callbackUrl }),
  fromForm: (form) => formFields(form, 'callbackUrl'),
  run: async ({ callbackUrl }) => {
    if (!env.SSO_ISSUER)
      throw new DalError('Single sign-on is not set up here. Sign in with your password or an email link.');
    await signIn(SSO_PROVIDER_ID, { redirectTo: callbackUrl });
  },
});

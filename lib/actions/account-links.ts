'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { emailOnlyForm, setPasswordForm, setupForm } from '@/lib/accounts/input';
import { defineFormAction } from '@/lib/actions/builder';
import { DalError } from '@/lib/dal/errors';
import { requestPasswordReset, setPasswordFromLink } from '@/lib/dal/password-links';
import { confirmEmailChange } from '@/lib/dal/profile';
import { completeSetup } from '@/lib/dal/setup';
import { formatRelative } from '@/lib/format';

/** The one-time links people open from a mail or the server log: anyone holding the link may use it. */

function toSignIn(notice: string, email: string): never {
  redirect(`/login?${new URLSearchParams({ notice, email })}`);
}

/** Sets a password from an invitation, a users:create link or a reset link, then on to sign in. */
export const setPasswordAction = defineFormAction({
  role: 'public',
  ...setPasswordForm,
  run: async ({ token, password }, { request }) => {
    const { email } = await setPasswordFromLink(token, password, request);
    toSignIn('password-set', email);
  },
});

/** "Forgot password?": the same answer whether or not the address has an account. */
export const forgotPasswordAction = defineFormAction({
  role: 'public',
  ...emailOnlyForm,
  run: async ({ email }, { request }) => {
    const answer = await requestPasswordReset(email, request);
    if (answer.outcome === 'throttled')
      throw new DalError(
        `Too many reset requests for this address or from your network. Try again ${formatRelative(answer.retryAt)}.`,
      );
    return answer;
  },
  success: ({ linkMinutes }) =>
    `If an account uses that address, a reset link is on its way. It works once, for ${linkMinutes} minutes. No mail? Check the spam folder, or ask again in a few minutes.`,
});

/** Opens an email-change link (a button, not the GET: mail scanners that prefetch links must not use it). */
export const confirmEmailChangeAction = defineFormAction({
  role: 'public',
  input: z.string().max(200),
  fromForm: (form) => form.get('token'),
  run: (value, { request }) => confirmEmailChange(value, request),
  success: ({ email }) => `Your email address is now ${email}. Use it to sign in.`,
});

/** /setup: the first admin, with the one-time setup link from the server log. */
export const completeSetupAction = defineFormAction({
  role: 'public',
  ...setupForm,
  run: async ({ token, name, email, password }, { request }) => {
    await completeSetup(token, { name, email, password }, request);
    toSignIn('setup', email);
  },
});

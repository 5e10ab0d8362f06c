'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn } from '@/lib/auth';
import { defineFormAction } from '@/lib/actions/builder';
import { formFields } from '@/lib/action-state';
import { credentialsSchema } from '@/lib/sign-in-input';
import { DalError } from '@/lib/dal/errors';
import { loginThrottle } from '@/lib/dal/login-attempts';
import { env } from '@/lib/env';
import { formatRelative } from '@/lib/format';
import { safeReturnPath } from '@/lib/return-path';

const WRONG_CREDENTIALS = 'Wrong email or password. Check both and try again.';

export const signInAction = defineFormAction({
  role: 'public',
  input: credentialsSchema.extend({
    callbackUrl: z.unknown().transform((value) => safeReturnPath(value, env.APP_URL)),
  }),
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

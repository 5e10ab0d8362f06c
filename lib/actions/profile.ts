'use server';

import { z } from 'zod';
import { emailChangeForm, nameForm, passwordChangeForm } from '@/lib/accounts/input';
import { signIn, signOut } from '@/lib/auth';
import { defineFormAction } from '@/lib/actions/builder';
import { changeMyName, changeMyPassword, requestEmailChange, signOutEverywhere } from '@/lib/dal/profile';
import { formatDateTime } from '@/lib/format';

const profile = () => ['/profile'];

export const changeNameAction = defineFormAction({
  role: 'user',
  ...nameForm,
  run: ({ name }, { request }) => changeMyName(name, request),
  success: 'Name saved.',
  revalidate: profile,
});

export const requestEmailChangeAction = defineFormAction({
  role: 'user',
  ...emailChangeForm,
  run: ({ email, currentPassword }, { request }) => requestEmailChange(email, currentPassword, request),
  success: ({ newEmail, expiresAt }) =>
    `We sent a link to ${newEmail}. Your address changes when you open it (it works until ${formatDateTime(expiresAt, 'UTC')}).`,
});

/** Changes the password; every other session ends, and this browser is signed in again with the new one. */
export const changePasswordAction = defineFormAction({
  role: 'user',
  ...passwordChangeForm,
  run: async ({ currentPassword, password }, { request }) => {
    const { email } = await changeMyPassword(currentPassword, password, request);
    await signIn('credentials', { email, password, redirect: false });
  },
  success: 'Password changed. You were signed out everywhere else.',
  revalidate: profile,
});

/** Ends every session of the account, this one included. */
export const signOutEverywhereAction = defineFormAction({
  role: 'user',
  input: z.object({}),
  fromForm: () => ({}),
  run: async (_input, { request }) => {
    await signOutEverywhere(request);
    await signOut({ redirectTo: '/login?notice=signed-out-everywhere' });
  },
});

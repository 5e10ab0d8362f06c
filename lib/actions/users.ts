'use server';

import { z } from 'zod';
import { formFields } from '@/lib/action-state';
import { inviteForm, roleChoice } from '@/lib/accounts/input';
import { defineFormAction } from '@/lib/actions/builder';
import {
  changeRole,
  deactivateUser,
  deleteUser,
  inviteUser,
  reactivateUser,
  resendInvitation,
  revokeInvitation,
  sendPasswordReset,
} from '@/lib/dal/users';
import { formatDateTime } from '@/lib/format';
import type { RequestContext } from '@/lib/request-context';

const users = () => ['/admin/users'];
// Any text reaches the DAL, which answers an unknown id with "does not exist any more".
const userId = z.string().max(100);
const until = (date: Date) => formatDateTime(date, 'UTC');

/** "Invite user": an invited account and a mail with a link to set its password. */
export const inviteUserAction = defineFormAction({
  role: 'admin',
  ...inviteForm,
  run: (input, { request }) => inviteUser(input, request),
  success: ({ expiresAt }) => `Invitation sent. Its link works once, until ${until(expiresAt)}.`,
  revalidate: users,
});

/** The account actions that take only the account: they differ in the DAL verb and the message. */
function accountAction<Data>(
  verb: (userId: string, context: RequestContext) => Promise<Data>,
  success: (data: Data) => string,
) {
  return defineFormAction({
    role: 'admin',
    input: userId,
    fromForm: (form) => form.get('userId'),
    run: (id, { request }) => verb(id, request),
    success,
    revalidate: users,
  });
}

export const resendInvitationAction = accountAction(
  resendInvitation,
  ({ expiresAt }) =>
    `Invitation sent again; the earlier link no longer works. The new one works until ${until(expiresAt)}.`,
);
export const revokeInvitationAction = accountAction(
  revokeInvitation,
  ({ email }) => `The invitation link of ${email} no longer works.`,
);
export const sendPasswordResetAction = accountAction(
  sendPasswordReset,
  ({ email, expiresAt }) => `A password reset link is on its way to ${email}. It works until ${until(expiresAt)}.`,
);
export const deactivateUserAction = accountAction(
  deactivateUser,
  ({ email }) => `${email} is deactivated and signed out everywhere.`,
);
export const reactivateUserAction = accountAction(reactivateUser, ({ email, status }) =>
  status === 'ACTIVE' ? `${email} can sign in again.` : `${email} is invited again: resend the invitation.`,
);
export const deleteUserAction = accountAction(deleteUser, ({ email }) => `${email} is deleted.`);

export const changeRoleAction = defineFormAction({
  role: 'admin',
  input: z.object({ userId, role: roleChoice }),
  fromForm: (form) => formFields(form, 'userId', 'role'),
  run: ({ userId, role }, { request }) => changeRole(userId, role, request),
  success: ({ email }) => `Role of ${email} saved.`,
  revalidate: users,
});

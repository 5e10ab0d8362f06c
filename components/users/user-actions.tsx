'use client';

import { useActionState } from 'react';
import {
  changeRoleAction,
  deactivateUserAction,
  deleteUserAction,
  reactivateUserAction,
  resendInvitationAction,
  revokeInvitationAction,
  sendPasswordResetAction,
} from '@/lib/actions/users';
import { idle, type ActionState } from '@/lib/action-state';
import { ROLE_LABELS } from '@/lib/accounts/labels';
import type { Role, UserStatus } from '@/lib/generated/prisma/enums';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { ConfirmAction } from '@/components/ui/confirm-action';

type FormAction<Data> = (previous: ActionState<Data>, form: FormData) => Promise<ActionState<Data>>;

const small = 'px-3 py-1.5 text-xs';

/** A one-click account action (resend, reset link, reactivate) that says how it went. */
function AccountButton<Data>({
  action,
  userId,
  label,
  accessibleLabel,
}: {
  action: FormAction<Data>;
  userId: string;
  label: string;
  accessibleLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="contents">
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        disabled={pending}
        className={`${buttonStyles.secondary} ${small}`}
        aria-label={accessibleLabel}
      >
        {pending ? 'Working…' : label}
      </button>
      {state.status !== 'idle' && state.message && (
        <div className="w-full">
          <Alert tone={state.status === 'error' ? 'error' : 'success'}>{state.message}</Alert>
        </div>
      )}
    </form>
  );
}

function RoleForm({ userId, role, name }: { userId: string; role: Role; name: string }) {
  const [state, formAction, pending] = useActionState(changeRoleAction, idle);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        className="rounded-md border-0 py-1.5 pr-8 pl-2 text-xs text-slate-900 ring-1 ring-slate-300 ring-inset"
      >
        {Object.entries(ROLE_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className={`${buttonStyles.secondary} ${small}`}
        aria-label={`Save role of ${name}`}
      >
        Save role
      </button>
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
    </form>
  );
}

export interface ManagedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  deletable: boolean;
  self: boolean;
}

/** The actions that take only the account: a plain button, or (`question`) one that asks first. */
interface AccountActionSpec {
  action: FormAction<unknown>;
  label: string;
  /** Completed with the account's email, for screen readers: "Deactivate alice@example.com". */
  verb: string;
  question?: string;
}

/** Each action's data differs, and no caller reads it: only its message is shown. */
function spec<Data>(action: FormAction<Data>, rest: Omit<AccountActionSpec, 'action'>): AccountActionSpec {
  return { action: action as unknown as FormAction<unknown>, ...rest };
}

function actionsFor(user: ManagedUser): AccountActionSpec[] {
  const deactivate = spec(deactivateUserAction, {
    label: 'Deactivate',
    verb: 'Deactivate',
    question: 'Signs them out everywhere now; their data stays.',
  });
  const byStatus: Record<UserStatus, AccountActionSpec[]> = {
    INVITED: [
      spec(resendInvitationAction, { label: 'Resend invitation', verb: 'Resend invitation to' }),
      spec(revokeInvitationAction, {
        label: 'Revoke invitation',
        verb: 'Revoke invitation of',
        question: 'Its link stops working.',
      }),
      deactivate,
    ],
    ACTIVE: [spec(sendPasswordResetAction, { label: 'Send reset link', verb: 'Send reset link to' }), deactivate],
    DEACTIVATED: [spec(reactivateUserAction, { label: 'Reactivate', verb: 'Reactivate' })],
  };
  const remove = spec(deleteUserAction, {
    label: 'Delete',
    verb: 'Delete',
    question: 'Deletes the account and its photo for good.',
  });
  return [...byStatus[user.status], ...(user.deletable ? [remove] : [])];
}

/** What an admin can do with one account, by its state. */
export function UserActions({ user }: { user: ManagedUser }) {
  if (user.self) return <p className="text-xs text-slate-500">Your account: change it on your profile.</p>;
  return (
    <div className="flex flex-wrap items-center gap-2 lg:justify-end">
      {user.status !== 'DEACTIVATED' && <RoleForm userId={user.id} role={user.role} name={user.name} />}
      {actionsFor(user).map(({ action, label, verb, question }) =>
        question ? (
          <ConfirmAction
            key={label}
            action={action}
            fields={{ userId: user.id }}
            label={label}
            accessibleLabel={`${verb} ${user.email}`}
            question={question}
            confirmLabel={label.split(' ')[0]}
            size={small}
          />
        ) : (
          <AccountButton
            key={label}
            action={action}
            userId={user.id}
            label={label}
            accessibleLabel={`${verb} ${user.email}`}
          />
        ),
      )}
    </div>
  );
}

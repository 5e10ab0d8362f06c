'use client';

import { useEffect, useRef } from 'react';
import { inviteUserAction } from '@/lib/actions/users';
import { inviteForm } from '@/lib/accounts/input';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { describedBy, EmailField, Field, inputStyles, TextField } from '@/components/ui/field';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

/** "Invite user": a modal dialog with Name, Email and Role; the invitation mail goes out on submit. */
export function InviteUserDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useFormAction(inviteUserAction, inviteForm, { resetOnSuccess: true });
  const { state, errors: fieldErrors } = form;
  useEffect(() => {
    if (state.status === 'success') dialog.current?.close();
  }, [state]);
  return (
    <div className="flex flex-col items-stretch gap-3 sm:items-end">
      <button type="button" className={buttonStyles.primary} onClick={() => dialog.current?.showModal()}>
        Invite user
      </button>
      {state.status === 'success' && <Alert tone="success">{state.message}</Alert>}
      <dialog
        ref={dialog}
        aria-labelledby="invite-heading"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <form {...form.props} className="space-y-4 p-6">
          <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">
            Invite user
          </h2>
          <p className="text-sm text-slate-600">
            They get a mail with a link to set their password. The link works once, for 72 hours.
          </p>
          <FormMessage state={state} />
          <TextField id="name" label="Name" autoComplete="off" required maxLength={100} error={fieldErrors.name} />
          <EmailField autoComplete="off" error={fieldErrors.email} />
          <Field id="role" label="Role" error={fieldErrors.role}>
            <select
              id="role"
              name="role"
              defaultValue="USER"
              className={inputStyles}
              {...describedBy('role', undefined, fieldErrors.role)}
            >
              <option value="USER">Customer: sees their own invoices</option>
              <option value="ADMIN">Admin: manages files, shares, invoices and users</option>
            </select>
          </Field>
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <button type="button" className={buttonStyles.secondary} onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <SubmitButton pending={form.pending} pendingLabel="Sending…">
              Send invitation
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}

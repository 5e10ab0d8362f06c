'use client';

import { setPasswordAction } from '@/lib/actions/account-links';
import { setPasswordForm } from '@/lib/accounts/input';
import { NewPasswordFields } from '@/components/account/new-password-fields';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

export function SetPasswordForm({ token, email, submitLabel }: { token: string; email: string; submitLabel: string }) {
  const form = useFormAction(setPasswordAction, setPasswordForm);
  return (
    <form {...form.props} className="space-y-5">
      <FormMessage state={form.state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields email={email} errors={form.errors} />
      <SubmitButton pending={form.pending} pendingLabel="Saving…" className="w-full">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

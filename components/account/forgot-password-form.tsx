'use client';

import { forgotPasswordAction } from '@/lib/actions/account-links';
import { emailOnlyForm } from '@/lib/accounts/input';
import { EmailField } from '@/components/ui/field';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

export function ForgotPasswordForm() {
  const form = useFormAction(forgotPasswordAction, emailOnlyForm);
  return (
    <form {...form.props} className="space-y-5">
      <FormMessage state={form.state} success />
      <EmailField error={form.errors.email} />
      <SubmitButton pending={form.pending} pendingLabel="Sending…" className="w-full">
        Send reset link
      </SubmitButton>
    </form>
  );
}

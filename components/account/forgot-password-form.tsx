'use client';

import { forgotPasswordAction } from '@/lib/actions/account-links';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/text-field';
import { useKeptForm } from '@/components/ui/use-kept-form';

export function ForgotPasswordForm() {
  const { state, pending, fieldErrors, formProps } = useKeptForm(forgotPasswordAction);
  return (
    <form {...formProps} className="space-y-5">
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      {state.status === 'success' && <Alert tone="success">{state.message}</Alert>}
      <TextField name="email" label="Email" type="email" autoComplete="username" required error={fieldErrors.email} />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? 'Sending…' : 'Send reset link'}
      </button>
    </form>
  );
}

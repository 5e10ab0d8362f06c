'use client';

import { setPasswordAction } from '@/lib/actions/account-links';
import { NewPasswordFields } from '@/components/account/new-password-fields';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { useKeptForm } from '@/components/ui/use-kept-form';

export function SetPasswordForm({ token, email, submitLabel }: { token: string; email: string; submitLabel: string }) {
  const { state, pending, fieldErrors, formProps } = useKeptForm(setPasswordAction);
  return (
    <form {...formProps} className="space-y-5">
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields email={email} errors={fieldErrors} />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}

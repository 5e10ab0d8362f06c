'use client';

import Link from 'next/link';
import { confirmEmailChangeAction } from '@/lib/actions/account-links';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { useKeptForm } from '@/components/ui/use-kept-form';

export function ConfirmEmailForm({ token }: { token: string }) {
  const { state, pending, formProps } = useKeptForm(confirmEmailChangeAction);
  if (state.status === 'success')
    return (
      <div className="space-y-5">
        <Alert tone="success">{state.message}</Alert>
        <Link href="/profile" className={`${buttonStyles.primary} w-full`}>
          Go to your profile
        </Link>
      </div>
    );
  return (
    <form {...formProps} className="space-y-5">
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? 'Confirming…' : 'Confirm new address'}
      </button>
    </form>
  );
}

'use client';

import Link from 'next/link';
import { confirmEmailChangeAction } from '@/lib/actions/account-links';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

export function ConfirmEmailForm({ token }: { token: string }) {
  const form = useFormAction(confirmEmailChangeAction);
  if (form.state.status === 'success')
    return (
      <div className="space-y-5">
        <Alert tone="success">{form.state.message}</Alert>
        <Link href="/profile" className={`${buttonStyles.primary} w-full`}>
          Go to your profile
        </Link>
      </div>
    );
  return (
    <form {...form.props} className="space-y-5">
      <FormMessage state={form.state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={form.pending} pendingLabel="Confirming…" className="w-full">
        Confirm new address
      </SubmitButton>
    </form>
  );
}

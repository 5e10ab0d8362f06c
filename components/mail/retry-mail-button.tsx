'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { Spinner } from '@/components/ui/form';
import { idle } from '@/lib/action-state';
import { retryMailAction } from '@/lib/actions/mail';

/** Puts one failed mail back into the queue; says what happened in place of the button. */
export function RetryMailButton({ mailId, to }: { mailId: string; to: string }) {
  const [state, formAction, pending] = useActionState(retryMailAction, idle);
  if (state.status !== 'idle') {
    return (
      <div className="min-w-48">
        <Alert tone={state.status}>{state.message}</Alert>
      </div>
    );
  }
  return (
    <form action={formAction}>
      <input type="hidden" name="mailId" value={mailId} />
      <button
        type="submit"
        className={`${buttonStyles.secondary} px-3 py-1.5`}
        disabled={pending}
        aria-label={`Retry the mail to ${to}`}
      >
        {pending && <Spinner />}
        {pending ? 'Retrying…' : 'Retry'}
      </button>
    </form>
  );
}

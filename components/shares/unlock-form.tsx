'use client';

import { useActionState } from 'react';
import { unlockShareAction } from '@/lib/actions/unlock-share';
import { idle } from '@/lib/action-state';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { describedBy, Field, inputStyles } from '@/components/ui/field';

export function UnlockForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(unlockShareAction, idle);
  const error = state.status === 'error' ? state.fieldErrors?.password : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Field id="password" label="Password" hint="The sender gave you this password separately." error={error}>
        <input
          id="password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
          className={inputStyles}
          {...describedBy('password', 'hint', error)}
        />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full sm:w-auto`}>
        {pending ? 'Checking…' : 'Unlock'}
      </button>
    </form>
  );
}

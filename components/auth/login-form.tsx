'use client';

import { useActionState } from 'react';
import { signInAction } from '@/lib/actions/sign-in';
import { idle } from '@/lib/action-state';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { describedBy, Field, inputStyles } from '@/components/ui/field';

/** `callbackUrl`: a path on this site (the page checked it); the action checks it again. */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(signInAction, idle);
  const fieldErrors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="email" label="Email" error={fieldErrors?.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className={inputStyles}
          {...describedBy('email', undefined, fieldErrors?.email)}
        />
      </Field>
      <Field id="password" label="Password" error={fieldErrors?.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputStyles}
          {...describedBy('password', undefined, fieldErrors?.password)}
        />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

'use client';

import { signInAction } from '@/lib/actions/sign-in';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/text-field';
import { useKeptForm } from '@/components/ui/use-kept-form';

/** `callbackUrl`: a path on this site (the page checked it); the action checks it again. */
export function LoginForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const { state, pending, fieldErrors, formProps } = useKeptForm(signInAction);
  return (
    <form {...formProps} className="space-y-5">
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        defaultValue={email}
        error={fieldErrors.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

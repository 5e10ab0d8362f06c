'use client';

import { completeSetupAction } from '@/lib/actions/account-links';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/text-field';
import { useKeptForm } from '@/components/ui/use-kept-form';

export function SetupForm({ token }: { token: string }) {
  const { state, pending, fieldErrors, formProps } = useKeptForm(completeSetupAction);
  return (
    <form {...formProps} className="space-y-5">
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      {token ? (
        <input type="hidden" name="token" value={token} />
      ) : (
        <TextField
          name="token"
          label="Setup code"
          autoComplete="off"
          required
          hint="The code after ?token= in the setup link the server printed to its log."
          error={fieldErrors.token}
        />
      )}
      <TextField name="name" label="Your name" autoComplete="name" required error={fieldErrors.name} />
      <TextField name="email" label="Email" type="email" autoComplete="username" required error={fieldErrors.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={fieldErrors.password}
      />
      <TextField
        name="confirm"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        error={fieldErrors.confirm}
      />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? 'Creating…' : 'Create admin account'}
      </button>
    </form>
  );
}

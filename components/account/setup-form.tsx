'use client';

import { completeSetupAction } from '@/lib/actions/account-links';
import { MIN_PASSWORD_LENGTH, setupForm } from '@/lib/accounts/input';
import { EmailField, TextField } from '@/components/ui/field';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

export function SetupForm({ token }: { token: string }) {
  const form = useFormAction(completeSetupAction, setupForm);
  const { errors } = form;
  return (
    <form {...form.props} className="space-y-5">
      <FormMessage state={form.state} />
      {token ? (
        <input type="hidden" name="token" value={token} />
      ) : (
        <TextField
          id="token"
          label="Setup code"
          autoComplete="off"
          required
          maxLength={200}
          hint="The code after ?token= in the setup link the server printed to its log."
          error={errors.token}
        />
      )}
      <TextField id="name" label="Your name" autoComplete="name" required maxLength={100} error={errors.name} />
      <EmailField error={errors.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={200}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={errors.password}
      />
      <TextField
        id="confirm"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
      <SubmitButton pending={form.pending} pendingLabel="Creating…" className="w-full">
        Create admin account
      </SubmitButton>
    </form>
  );
}

'use client';

import { signInAction } from '@/lib/actions/sign-in';
import { signInForm } from '@/lib/sign-in-input';
import { EmailField, TextField } from '@/components/ui/field';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

/** `callbackUrl`: a path on this site (the page checked it); the action checks it again. */
export function LoginForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const form = useFormAction(signInAction, signInForm);
  return (
    <form {...form.props} className="space-y-5">
      <FormMessage state={form.state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField defaultValue={email} error={form.errors.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={form.errors.password}
      />
      <SubmitButton pending={form.pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}

'use client';

import { emailSignInLinkAction } from '@/lib/actions/sign-in';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/text-field';
import { useKeptForm } from '@/components/ui/use-kept-form';

/** "Email me a sign-in link": `callbackUrl` is where the link leads once used (checked again on the server). */
export function EmailLinkForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const { state, pending, fieldErrors, formProps } = useKeptForm(emailSignInLinkAction);
  return (
    <form {...formProps} className="space-y-5">
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      {state.status === 'success' && <Alert tone="success">{state.message}</Alert>}
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
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
        {pending ? 'Sending…' : 'Email me a sign-in link'}
      </button>
    </form>
  );
}

'use client';

import { emailSignInLinkAction } from '@/lib/actions/sign-in';
import { emailOnlyForm } from '@/lib/accounts/input';
import { EmailField } from '@/components/ui/field';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

/** "Email me a sign-in link": `callbackUrl` is where the link leads once used (checked again on the server). */
export function EmailLinkForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const form = useFormAction(emailSignInLinkAction, emailOnlyForm);
  return (
    <form {...form.props} className="space-y-5">
      <FormMessage state={form.state} success />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField defaultValue={email} error={form.errors.email} />
      <SubmitButton pending={form.pending} pendingLabel="Sending…" className="w-full">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}

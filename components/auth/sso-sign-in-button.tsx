'use client';

import { ssoSignInAction } from '@/lib/actions/sign-in';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

/** Single sign-on (shown only when it is configured): `label` is SSO_BUTTON_LABEL. */
export function SsoSignInButton({ callbackUrl, label }: { callbackUrl: string; label: string }) {
  const form = useFormAction(ssoSignInAction);
  return (
    <form {...form.props} className="space-y-3">
      <FormMessage state={form.state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton
        pending={form.pending}
        pendingLabel="Opening single sign-on…"
        variant="secondary"
        className="w-full"
      >
        {label}
      </SubmitButton>
    </form>
  );
}

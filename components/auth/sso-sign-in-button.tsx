'use client';

import { ssoSignInAction } from '@/lib/actions/sign-in';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { useKeptForm } from '@/components/ui/use-kept-form';

/** Single sign-on (shown only when it is configured): `label` is SSO_BUTTON_LABEL. */
export function SsoSignInButton({ callbackUrl, label }: { callbackUrl: string; label: string }) {
  const { state, pending, formProps } = useKeptForm(ssoSignInAction);
  return (
    <form {...formProps} className="space-y-3">
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" disabled={pending} className={`${buttonStyles.secondary} w-full`}>
        {pending ? 'Opening single sign-on…' : label}
      </button>
    </form>
  );
}

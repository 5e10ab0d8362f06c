import type { Metadata } from 'next';
import { AccountPage, AccountPageLink } from '@/components/account/account-page';
import { ForgotPasswordForm } from '@/components/account/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <AccountPage title="Forgot your password?" description="We will mail you a link to choose a new one.">
      <div className="space-y-5">
        <ForgotPasswordForm />
        <AccountPageLink href="/login">Back to sign in</AccountPageLink>
      </div>
    </AccountPage>
  );
}

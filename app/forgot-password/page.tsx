import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountPage } from '@/components/account/account-page';
import { ForgotPasswordForm } from '@/components/account/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <AccountPage title="Forgot your password?" description="We will mail you a link to choose a new one.">
      <div className="space-y-5">
        <ForgotPasswordForm />
        <p className="text-center text-sm">
          <Link href="/login" className="font-medium text-brand-700 hover:underline">
            Back to sign in
          </Link>
        </p>
      </div>
    </AccountPage>
  );
}

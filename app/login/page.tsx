import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccountPage } from '@/components/account/account-page';
import { LoginForm } from '@/components/auth/login-form';
import { Alert } from '@/components/ui/alert';
import { currentUser } from '@/lib/dal/session';
import { env } from '@/lib/env';
import { safeReturnPath } from '@/lib/return-path';

export const metadata: Metadata = { title: 'Sign in' };

/** What the page says after a flow that ends here (set in the redirect to /login). */
const NOTICES: Record<string, string> = {
  'password-set': 'Your password is set. Sign in with it.',
  setup: 'Your admin account is ready. Sign in with it.',
  'signed-out-everywhere': 'You were signed out on every device.',
};

type Params = Promise<{ callbackUrl?: unknown; notice?: unknown; email?: unknown }>;

export default async function LoginPage({ searchParams }: { searchParams: Params }) {
  const { callbackUrl: requested, notice, email } = await searchParams;
  const callbackUrl = safeReturnPath(requested, env.APP_URL);
  if (await currentUser()) redirect(callbackUrl);
  const message = typeof notice === 'string' && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : null;
  return (
    <AccountPage title="Sign in to Guestpass" description="Private files, shared through short-lived links.">
      <div className="space-y-5">
        {message && <Alert tone="success">{message}</Alert>}
        <LoginForm callbackUrl={callbackUrl} email={typeof email === 'string' ? email.slice(0, 254) : undefined} />
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
            Forgot password?
          </Link>
        </p>
      </div>
    </AccountPage>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccountPage, AccountPageLink } from '@/components/account/account-page';
import { LoginForm } from '@/components/auth/login-form';
import { SsoSignInButton } from '@/components/auth/sso-sign-in-button';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { signInErrorMessage } from '@/lib/accounts/sign-in-errors';
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

type Params = Promise<{ callbackUrl?: unknown; notice?: unknown; email?: unknown; error?: unknown }>;

export default async function LoginPage({ searchParams }: { searchParams: Params }) {
  const { callbackUrl: requested, notice, email, error } = await searchParams;
  const callbackUrl = safeReturnPath(requested, env.APP_URL);
  if (await currentUser()) redirect(callbackUrl);
  const message = typeof notice === 'string' && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : null;
  const refusal = signInErrorMessage(error);
  const knownEmail = typeof email === 'string' ? email.slice(0, 254) : undefined;
  const linkPage = `/login/link?${new URLSearchParams({ callbackUrl, ...(knownEmail ? { email: knownEmail } : {}) })}`;
  return (
    <AccountPage title="Sign in to Guestpass" description="Private files, shared through short-lived links.">
      <div className="space-y-5">
        {message && <Alert tone="success">{message}</Alert>}
        {refusal && <Alert tone="error">{refusal}</Alert>}
        {env.SSO_ISSUER && (
          <>
            <SsoSignInButton callbackUrl={callbackUrl} label={env.SSO_BUTTON_LABEL} />
            <p className="flex items-center gap-3 text-xs text-slate-500 uppercase before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
              or
            </p>
          </>
        )}
        <LoginForm callbackUrl={callbackUrl} email={knownEmail} />
        <Link href={linkPage} className={`${buttonStyles.secondary} w-full`}>
          Email me a sign-in link
        </Link>
        <AccountPageLink href="/forgot-password">Forgot password?</AccountPageLink>
      </div>
    </AccountPage>
  );
}

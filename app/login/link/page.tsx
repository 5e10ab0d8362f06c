import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AccountPage, AccountPageLink } from '@/components/account/account-page';
import { EmailLinkForm } from '@/components/auth/email-link-form';
import { SIGN_IN_LINK_SECONDS } from '@/lib/accounts/links';
import { currentUser } from '@/lib/dal/session';
import { env } from '@/lib/env';
import { safeReturnPath } from '@/lib/return-path';

export const metadata: Metadata = { title: 'Sign in with an email link' };

type Params = Promise<{ callbackUrl?: unknown; email?: unknown }>;

/** "Email me a sign-in link", for customers who never set a password (or would rather not type it). */
export default async function SignInLinkPage({ searchParams }: { searchParams: Params }) {
  const { callbackUrl: requested, email } = await searchParams;
  const callbackUrl = safeReturnPath(requested, env.APP_URL);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <AccountPage
      title="Sign in with an email link"
      description={`No password needed: we mail you a link that signs you in. It works once, for ${SIGN_IN_LINK_SECONDS / 60} minutes.`}
    >
      <div className="space-y-5">
        <EmailLinkForm callbackUrl={callbackUrl} email={typeof email === 'string' ? email.slice(0, 254) : undefined} />
        <AccountPageLink href="/login">Back to sign in</AccountPageLink>
      </div>
    </AccountPage>
  );
}

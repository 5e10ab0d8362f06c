import type { Metadata } from 'next';
import { AccountPage } from '@/components/account/account-page';
import { buttonStyles } from '@/components/ui/button-styles';
import { EMAIL_LINK_PROVIDER_ID } from '@/lib/auth';

export const metadata: Metadata = { title: 'Sign in' };

type Params = Promise<{ token?: unknown; email?: unknown; callbackUrl?: unknown }>;

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 500) : '');

/**
 * Where a sign-in link from a mail lands. Using the link takes a click here, not the visit itself:
 * mail scanners that fetch every link in a mail would otherwise use it up before its reader could.
 * The button sends the link on to Auth.js, which checks and uses up its token.
 */
export default async function OpenSignInLinkPage({ searchParams }: { searchParams: Params }) {
  const { token, email, callbackUrl } = await searchParams;
  return (
    <AccountPage title="Sign in to Guestpass" description={text(email) ? `As ${text(email)}` : undefined}>
      <form method="get" action={`/api/auth/callback/${EMAIL_LINK_PROVIDER_ID}`} className="space-y-5">
        <input type="hidden" name="token" value={text(token)} />
        <input type="hidden" name="email" value={text(email)} />
        <input type="hidden" name="callbackUrl" value={text(callbackUrl) || '/'} />
        <button type="submit" className={`${buttonStyles.primary} w-full`}>
          Sign in
        </button>
      </form>
    </AccountPage>
  );
}

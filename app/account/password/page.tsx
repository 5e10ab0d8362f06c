import type { Metadata } from 'next';
import { AccountPage } from '@/components/account/account-page';
import { DeadLink } from '@/components/account/dead-link';
import { SetPasswordForm } from '@/components/account/set-password-form';
import { DateTime } from '@/components/ui/date-time';
import { PASSWORD_PURPOSES } from '@/lib/accounts/links';
import { deadLinkMessage, inspectAccountLink } from '@/lib/dal/account-tokens';

export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer' };

/** Opened from an invitation, a users:create link or a reset mail. Only sending the form uses the link. */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const link = await inspectAccountLink(String(token), PASSWORD_PURPOSES);
  if (link.state !== 'valid' || !link.user)
    return (
      <DeadLink
        message={await deadLinkMessage(String(token), PASSWORD_PURPOSES)}
        next={{ href: '/forgot-password', label: 'Ask for a new link' }}
      />
    );
  const reset = link.purpose === 'PASSWORD_RESET';
  return (
    <AccountPage
      title={reset ? 'Choose a new password' : `Welcome, ${link.user.name}`}
      description={
        <>
          {reset ? 'For' : 'Set a password for'} <strong>{link.user.email}</strong>. This link works once, until{' '}
          <DateTime value={link.expiresAt} />.
        </>
      }
    >
      <SetPasswordForm
        token={String(token)}
        email={link.user.email}
        submitLabel={reset ? 'Save new password' : 'Set password'}
      />
    </AccountPage>
  );
}

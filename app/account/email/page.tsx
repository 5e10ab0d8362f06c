import type { Metadata } from 'next';
import { AccountPage } from '@/components/account/account-page';
import { ConfirmEmailForm } from '@/components/account/confirm-email-form';
import { DeadLink } from '@/components/account/dead-link';
import { DateTime } from '@/components/ui/date-time';
import { deadLinkMessage, inspectAccountLink } from '@/lib/dal/account-tokens';

export const metadata: Metadata = { title: 'Confirm your email address', referrer: 'no-referrer' };

const PURPOSES = ['EMAIL_CHANGE'] as const;

/** Opened from the mail sent to a new address. The button, not the visit, uses the link. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const link = await inspectAccountLink(String(token), PURPOSES);
  if (link.state !== 'valid' || !link.user || !link.newEmail)
    return (
      <DeadLink
        message={await deadLinkMessage(String(token), PURPOSES)}
        next={{ href: '/profile', label: 'Change your address again on your profile' }}
      />
    );
  return (
    <AccountPage
      title="Confirm your new email address"
      description={
        <>
          The account of {link.user.name} will use <strong>{link.newEmail}</strong> instead of {link.user.email}. This
          link works once, until <DateTime value={link.expiresAt} />.
        </>
      }
    >
      <ConfirmEmailForm token={String(token)} />
    </AccountPage>
  );
}

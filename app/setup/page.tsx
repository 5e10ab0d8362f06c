import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountPage } from '@/components/account/account-page';
import { SetupForm } from '@/components/account/setup-form';
import { needsSetup } from '@/lib/dal/setup';

export const metadata: Metadata = { title: 'Set up Guestpass', referrer: 'no-referrer' };
// Whether an admin exists is read at every request, never at build time.
export const dynamic = 'force-dynamic';

/** The first admin of an empty deployment; gone (404) once any admin exists. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  if (!(await needsSetup())) notFound();
  const { token } = await searchParams;
  return (
    <AccountPage
      title="Set up Guestpass"
      description="Create the first admin account. The setup link is in the server’s log; it works once."
    >
      <SetupForm token={typeof token === 'string' ? token.slice(0, 200) : ''} />
    </AccountPage>
  );
}

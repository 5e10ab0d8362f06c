import Link from 'next/link';
import { AccountPage } from '@/components/account/account-page';
import { Alert } from '@/components/ui/alert';

/** A one-time link that no longer works: why, and the way on. */
export function DeadLink({ message, next }: { message: string; next: { href: string; label: string } }) {
  return (
    <AccountPage title="This link does not work">
      <div className="space-y-5">
        <Alert tone="warning">{message}</Alert>
        <p className="text-center text-sm">
          <Link href={next.href} className="font-medium text-brand-700 hover:underline">
            {next.label}
          </Link>
        </p>
      </div>
    </AccountPage>
  );
}

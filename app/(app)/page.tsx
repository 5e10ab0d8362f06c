import { LinkCards } from '@/components/ui/link-cards';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/dal/session';

export default async function HomePage() {
  const user = await requireUser();
  const cards = [
    { href: '/profile', title: 'Profile', text: 'Your account and profile photo.' },
    { href: '/invoices', title: 'Invoices', text: 'Download your invoices through links that expire.' },
    ...(user.role === 'ADMIN'
      ? [{ href: '/admin', title: 'Admin', text: 'Invoices, files, share links and storage settings.' }]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name}`}
        description="Everything here is private. Links to files are issued on demand and expire."
      />
      <LinkCards cards={cards} />
    </>
  );
}

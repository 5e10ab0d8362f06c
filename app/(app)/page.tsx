import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/dal/session';

export default async function HomePage() {
  const user = await requireUser();
  const cards = [
    { href: '/profile', title: 'Profile', text: 'Your account and profile photo.' },
    { href: '/invoices', title: 'Invoices', text: 'Download your invoices through links that expire.' },
    ...(user.role === 'ADMIN' ? [{ href: '/admin', title: 'Admin', text: 'Invoices, files, share links and storage settings.' }] : []),
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} description="Everything here is private. Links to files are issued on demand and expire." />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {cards.map((card) => (
          <li key={card.href}>
            <Link href={card.href} className="block h-full rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600">
              <h2 className="font-semibold text-slate-900">{card.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{card.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

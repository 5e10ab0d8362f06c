import type { Metadata } from 'next';
import { LinkCards } from '@/components/ui/link-cards';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/dal/session';

export const metadata: Metadata = { title: 'Admin' };

const SECTIONS = [
  { href: '/admin/users', title: 'Users', text: 'Invite people, change roles, reset passwords, deactivate accounts.' },
  { href: '/admin/files', title: 'Files', text: 'Upload private files of any size and manage them.' },
  {
    href: '/admin/shares',
    title: 'Share links',
    text: 'Give partners time-limited, revocable access to chosen files.',
  },
  { href: '/admin/invoices', title: 'Invoices', text: 'Issue invoices to customers and void them.' },
  { href: '/admin/audit', title: 'Audit log', text: 'Every link issued, every refusal, every change.' },
  { href: '/admin/mail', title: 'Mail', text: 'Mail waiting to go out, and failed sends to retry.' },
  {
    href: '/admin/storage',
    title: 'Storage security',
    text: 'Check and harden the bucket; replay requests in the lab.',
  },
];

export default async function AdminPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader title="Admin" description="Accounts and the tools that manage what they can reach." />
      <nav aria-label="Admin sections" className="mb-8">
        <LinkCards cards={SECTIONS} />
      </nav>
    </>
  );
}

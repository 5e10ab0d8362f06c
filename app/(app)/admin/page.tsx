import type { Metadata } from 'next';
import { LinkCards } from '@/components/ui/link-cards';
import { PageHeader } from '@/components/ui/page-header';
import { listUsers } from '@/lib/dal/users';
import { DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';

export const metadata: Metadata = { title: 'Admin' };

const SECTIONS = [
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
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Admin" description="Accounts and the tools that manage what they can reach." />
      <nav aria-label="Admin sections" className="mb-8">
        <LinkCards cards={SECTIONS} />
      </nav>
      <Panel id="accounts-heading" title={`Accounts (${users.length})`}>
        <div className="overflow-x-auto">
          <DataTable columns={[{ label: 'Name' }, { label: 'Email' }, { label: 'Role' }]}>
            {users.map((user) => (
              <tr key={user.id}>
                <td className="px-4 py-2 font-medium text-slate-900">{user.name}</td>
                <td className="px-4 py-2 text-slate-600">{user.email}</td>
                <td className="px-4 py-2 text-slate-600">{user.role === 'ADMIN' ? 'Admin' : 'Customer'}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      </Panel>
    </>
  );
}

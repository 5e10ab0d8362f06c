import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { listUsers } from '@/lib/dal/users';
import { DataTable } from '@/components/ui/data-table';

export const metadata: Metadata = { title: 'Admin' };

const SECTIONS = [
  { href: '/admin/files', title: 'Files', text: 'Upload private files of any size and manage them.' },
  { href: '/admin/shares', title: 'Share links', text: 'Give partners time-limited, revocable access to chosen files.' },
  { href: '/admin/invoices', title: 'Invoices', text: 'Issue invoices to customers and void them.' },
  { href: '/admin/audit', title: 'Audit log', text: 'Every link issued, every refusal, every change.' },
  { href: '/admin/storage', title: 'Storage security', text: 'Check and harden the bucket; replay requests in the lab.' },
];

export default async function AdminPage() {
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Admin" description="Accounts and the tools that manage what they can reach." />
      <nav aria-label="Admin sections" className="mb-8">
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {SECTIONS.map((section) => (
            <li key={section.href}>
              <Link href={section.href} className="block h-full rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600">
                <h2 className="font-semibold text-slate-900">{section.title}</h2>
                <p className="mt-1 text-sm text-slate-600">{section.text}</p>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="accounts-heading" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="accounts-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
          Accounts ({users.length})
        </h2>
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
      </section>
    </>
  );
}

import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { listUsers } from '@/lib/dal/users';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Admin" description="Accounts and the tools that manage what they can reach." />
      <section aria-labelledby="accounts-heading" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="accounts-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
          Accounts ({users.length})
        </h2>
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Email</th>
                <th scope="col" className="px-4 py-2">Role</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <tr key={user.id}>
                  <td className="px-4 py-2 font-medium text-slate-900">{user.name}</td>
                  <td className="px-4 py-2 text-slate-600">{user.email}</td>
                  <td className="px-4 py-2 text-slate-600">{user.role === 'ADMIN' ? 'Admin' : 'Customer'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

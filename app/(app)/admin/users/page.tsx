import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { InviteUserDialog } from '@/components/users/invite-user-dialog';
import { UserList, type UserQuery } from '@/components/users/user-list';
import { requireAdmin } from '@/lib/dal/session';
import { listUsers, STATUS_FILTERS } from '@/lib/dal/users';

export const metadata: Metadata = { title: 'Users · Admin' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const status = STATUS_FILTERS.find((s) => s === one(params.status)) ?? '';
  const query: UserQuery = { search: one(params.q).slice(0, 200), status };
  const page = await listUsers({
    search: query.search,
    status: status || undefined,
    after: one(params.after) || undefined,
    before: one(params.before) || undefined,
  });
  return (
    <>
      <PageHeader
        title="Users"
        description="Invite people, change roles, send password reset links, and deactivate accounts. Every change is in the audit log."
        actions={<InviteUserDialog />}
      />
      <UserList page={page} query={query} selfId={admin.id} />
    </>
  );
}

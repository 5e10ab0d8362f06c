import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { buttonStyles } from '@/components/ui/button-styles';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { DateTime } from '@/components/ui/date-time';
import { EmptyState } from '@/components/ui/empty-state';
import { UserActions } from '@/components/users/user-actions';
import { ROLE_LABELS, STATUS_LABELS } from '@/lib/accounts/labels';
import type { UserPage, UserRow } from '@/lib/dal/users';
import { STATUS_FILTERS } from '@/lib/dal/users';
import type { UserStatus } from '@/lib/generated/prisma/enums';
import { formatCappedCount } from '@/lib/dal/keyset';

export interface UserQuery {
  search: string;
  status: UserStatus | '';
}

function href(query: UserQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    ...(query.search ? { q: query.search } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...extra,
  });
  return `/admin/users${params.size ? `?${params}` : ''}`;
}

const STATUS_TONES = { INVITED: 'amber', ACTIVE: 'green', DEACTIVATED: 'grey' } as const;

function UserItem({ user, selfId }: { user: UserRow; selfId: string }) {
  return (
    <li className="flex flex-col gap-3 px-4 py-4 lg:flex-row lg:items-start lg:justify-between" aria-label={user.email}>
      <div className="flex min-w-0 gap-3">
        <Avatar name={user.name} src={user.photoUrl} />
        <div className="min-w-0">
          <p className="font-medium break-words text-slate-900">
            {user.name} <span className="font-normal text-slate-600">{user.email}</span>
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <Badge tone={user.role === 'ADMIN' ? 'blue' : 'grey'}>{ROLE_LABELS[user.role]}</Badge>
            <Badge tone={STATUS_TONES[user.status]}>{STATUS_LABELS[user.status]}</Badge>
            {user.status === 'INVITED' && (
              <span>
                {user.invitationExpiresAt ? (
                  <>
                    Link works until <DateTime value={user.invitationExpiresAt} />
                  </>
                ) : (
                  'No live invitation link'
                )}
              </span>
            )}
            <span>Last sign-in: {user.lastSignInAt ? <DateTime value={user.lastSignInAt} /> : 'never'}</span>
            <span>
              {user.invoiceCount} invoice{user.invoiceCount === 1 ? '' : 's'}
            </span>
          </div>
        </div>
      </div>
      <UserActions
        user={{
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          status: user.status,
          deletable: user.invoiceCount === 0 && user.fileCount === 0,
          self: user.id === selfId,
        }}
      />
    </li>
  );
}

/** Every account: search by name or email, filter by state, keyset pages by email. */
export function UserList({ page, query, selfId }: { page: UserPage; query: UserQuery; selfId: string }) {
  return (
    <section
      aria-labelledby="users-heading"
      className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-col gap-3 border-b border-slate-200 px-4 py-3 md:flex-row md:items-end md:justify-between">
        <h2 id="users-heading" className="text-sm font-semibold text-slate-900">
          Users ({formatCappedCount(page.total)})
        </h2>
        <form role="search" action="/admin/users" className="flex flex-wrap items-end gap-2">
          <label className="sr-only" htmlFor="user-search">
            Search by name or email
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={query.search}
            placeholder="Search by name or email"
            className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm sm:w-64"
          />
          <label className="sr-only" htmlFor="user-status">
            Status
          </label>
          <select
            id="user-status"
            name="status"
            defaultValue={query.status}
            className="rounded-md border border-slate-300 py-1.5 pr-8 pl-3 text-sm"
          >
            <option value="">Any status</option>
            {STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <button type="submit" className={buttonStyles.secondary}>
            Search
          </button>
        </form>
      </div>
      {page.users.length === 0 ? (
        <div className="p-4">
          <EmptyState title={query.search || query.status ? 'No users match' : 'No users yet'}>
            {query.search || query.status
              ? 'Try another part of the name or address, or any status.'
              : 'Invite the first one.'}
          </EmptyState>
        </div>
      ) : (
        <ul aria-label="Users" className="divide-y divide-slate-100">
          {page.users.map((user) => (
            <UserItem key={user.id} user={user} selfId={selfId} />
          ))}
        </ul>
      )}
      <KeysetPager cursors={page} href={(cursor) => href(query, cursor)} />
    </section>
  );
}

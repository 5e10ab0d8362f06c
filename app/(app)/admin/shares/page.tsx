import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterBar, FilterInput, FilterSelect } from '@/components/ui/filter-bar';
import { PageHeader } from '@/components/ui/page-header';
import { buttonStyles } from '@/components/ui/button-styles';
import { ShareEnds } from '@/components/shares/share-ends';
import { ShareStatusBadge } from '@/components/shares/status-badge';
import { pageQuery } from '@/lib/dal/keyset';
import { listShares } from '@/lib/dal/shares';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { DataTable } from '@/components/ui/data-table';

export const metadata: Metadata = { title: 'Shares' };

const STATES = [
  { value: 'active', label: 'Active' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
] as const;

/** The query string, read leniently: an unknown state or an over-long search filters nothing. */
const filtersSchema = z.object({
  state: z.enum(['active', 'expired', 'revoked']).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

export default async function SharesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const filters = filtersSchema.parse(params);
  const filtered = Boolean(filters.state || filters.q);
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  const { rows: shares, ...cursors } = await listShares({
    state: filters.state,
    q: filters.q || undefined,
    ...pageQuery(params),
  });
  const newShare = (
    <Link href="/admin/shares/new" className={buttonStyles.primary}>
      New share
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Shares"
        description="Time-limited, revocable links to library files for partners without an account."
        actions={newShare}
      />
      <FilterBar label="Filter shares" clearHref={filtered ? '/admin/shares' : undefined} className="mb-4">
        <FilterInput name="q" label="Search" value={filters.q ?? ''} placeholder="Title, recipient name or email" />
        <FilterSelect
          name="state"
          label="State"
          value={filters.state ?? ''}
          everything="All states"
          options={[...STATES]}
        />
      </FilterBar>
      {shares.length === 0 ? (
        filtered ? (
          <EmptyState title="No matching shares">
            Nothing matches these filters. Clear them to see every share.
          </EmptyState>
        ) : (
          <EmptyState title="No shares yet">Create a share to send partners their own link to chosen files.</EmptyState>
        )
      ) : (
        <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <DataTable
            columns={[
              { label: 'Title' },
              { label: 'Status' },
              { label: 'Access' },
              { label: 'Files', align: 'right' },
              { label: 'Recipients', align: 'right' },
              { label: 'Downloads', align: 'right' },
            ]}
          >
            {shares.map((share) => (
              <tr key={share.id}>
                <td className="px-4 py-2 font-medium">
                  <Link href={`/admin/shares/${share.id}`} className="text-brand-700 hover:underline">
                    {share.title}
                  </Link>
                  {share.hasPassword && <span className="ml-2 text-xs text-slate-500">(password)</span>}
                </td>
                <td data-label="Status" className="px-4 py-2">
                  <ShareStatusBadge status={share.status} />
                </td>
                <td data-label="Access" className="px-4 py-2 whitespace-nowrap text-slate-600">
                  <ShareEnds share={share} />
                </td>
                <td data-label="Files" className="px-4 py-2 text-right text-slate-600">
                  {share.fileCount}
                </td>
                <td data-label="Recipients" className="px-4 py-2 text-right text-slate-600">
                  {share.recipientCount}
                </td>
                <td data-label="Downloads" className="px-4 py-2 text-right text-slate-600">
                  {share.downloads}
                </td>
              </tr>
            ))}
          </DataTable>
          <KeysetPager
            cursors={cursors}
            href={(cursor) => `/admin/shares?${new URLSearchParams([...query, ...Object.entries(cursor)])}`}
          />
        </div>
      )}
    </>
  );
}

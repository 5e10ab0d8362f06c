import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { buttonStyles } from '@/components/ui/button-styles';
import { DateTime } from '@/components/ui/date-time';
import { ShareStatusBadge } from '@/components/shares/status-badge';
import { pageQuery } from '@/lib/dal/keyset';
import { listShares } from '@/lib/dal/shares';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { formatRelative } from '@/lib/format';
import { DataTable } from '@/components/ui/data-table';

export const metadata: Metadata = { title: 'Shares' };

export default async function SharesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { rows: shares, ...cursors } = await listShares(pageQuery(await searchParams));
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
      {shares.length === 0 ? (
        <EmptyState title="No shares yet">Create a share to send partners their own link to chosen files.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <DataTable
            columns={[
              { label: 'Title' },
              { label: 'Status' },
              { label: 'Access ends' },
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
                <td className="px-4 py-2">
                  <ShareStatusBadge status={share.status} />
                </td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                  {formatRelative(share.expiresAt)}{' '}
                  <span className="text-xs text-slate-500">
                    (<DateTime value={share.expiresAt} />)
                  </span>
                </td>
                <td className="px-4 py-2 text-right text-slate-600">{share.fileCount}</td>
                <td className="px-4 py-2 text-right text-slate-600">{share.recipientCount}</td>
                <td className="px-4 py-2 text-right text-slate-600">{share.downloads}</td>
              </tr>
            ))}
          </DataTable>
          <KeysetPager cursors={cursors} href={(cursor) => `/admin/shares?${new URLSearchParams(cursor)}`} />
        </div>
      )}
    </>
  );
}

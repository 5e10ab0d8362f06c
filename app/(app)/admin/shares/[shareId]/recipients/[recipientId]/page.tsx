import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { DateTime } from '@/components/ui/date-time';
import { RequestCells } from '@/components/ui/request-cells';
import { LinkStateBadge } from '@/components/shares/status-badge';
import { pageQuery } from '@/lib/dal/keyset';
import { getRecipientLog } from '@/lib/dal/shares';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { DataTable } from '@/components/ui/data-table';
import { formatCount } from '@/lib/format';
import type { ShareAccessKind } from '@/lib/generated/prisma/enums';

export const metadata: Metadata = { title: 'Access log' };

const KIND_LABELS = {
  OPEN: 'Opened the link',
  UNLOCK: 'Unlocked with the password',
  UNLOCK_FAILED: 'Wrong password',
  DOWNLOAD: 'Downloaded',
  PREVIEW: 'Previewed',
  REFUSED: 'Refused',
} as const satisfies Record<ShareAccessKind, string>;

export default async function RecipientLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ shareId: string; recipientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { shareId, recipientId } = await params;
  const found = await getRecipientLog(shareId, recipientId, pageQuery(await searchParams));
  if (!found) notFound();
  const { share, recipient } = found;
  const { rows: log, ...cursors } = found.log;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/shares/${share.id}`} className="text-brand-700 hover:underline">
          ← {share.title}
        </Link>
      </p>
      <PageHeader
        title={`Access log: ${recipient.name}`}
        description={`${recipient.email} · ${formatCount(recipient.downloadCount, 'download')} · ${formatCount(recipient.previewCount, 'preview')}`}
        actions={<LinkStateBadge state={recipient.state} />}
      />
      {log.length === 0 ? (
        <EmptyState title="Not used yet">Nothing has been done with this link so far.</EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <DataTable
            columns={[
              { label: 'When' },
              { label: 'What' },
              { label: 'File' },
              { label: 'URL valid until' },
              { label: 'IP' },
              { label: 'Browser' },
            ]}
          >
            {log.map((entry) => (
              <tr key={entry.id}>
                <td data-label="When" className="px-4 py-2 whitespace-nowrap text-slate-600">
                  <DateTime value={entry.createdAt} />
                </td>
                <td data-label="What" className="px-4 py-2 text-slate-900">
                  {KIND_LABELS[entry.kind]}
                  {entry.reason && <span className="text-slate-500"> ({entry.reason})</span>}
                </td>
                <td data-label="File" className="px-4 py-2 text-slate-600">
                  {entry.fileName ?? '—'}
                </td>
                <RequestCells
                  urlExpiresAt={entry.urlExpiresAt}
                  ip={entry.ip}
                  userAgent={entry.userAgent}
                  labels={{ expires: 'URL valid until', userAgent: 'Browser' }}
                />
              </tr>
            ))}
          </DataTable>
          <KeysetPager
            cursors={cursors}
            href={(cursor) => `/admin/shares/${share.id}/recipients/${recipient.id}?${new URLSearchParams(cursor)}`}
          />
        </div>
      )}
    </>
  );
}

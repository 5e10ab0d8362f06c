import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { buttonStyles } from '@/components/ui/button-styles';
import { AddRecipientsForm } from '@/components/shares/add-recipients-form';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { RawUrlForm } from '@/components/shares/raw-url-form';
import { DateTime } from '@/components/ui/date-time';
import { LinkStateBadge, ShareStatusBadge } from '@/components/shares/status-badge';
import { ShareEnds } from '@/components/shares/share-ends';
import { FileSummary } from '@/components/ui/file-type-icon';
import { removeShareRecipientAction, revokeShareAction, revokeShareRecipientAction } from '@/lib/actions/shares';
import { rawUrlMaxSeconds } from '@/lib/dal/share-raw-urls';
import { pageQuery } from '@/lib/dal/keyset';
import { getShare, listShareRecipients } from '@/lib/dal/shares';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';

export const metadata: Metadata = { title: 'Share' };

function When({ date, empty = '—' }: { date: Date | null; empty?: string }) {
  if (!date) return <span className="text-slate-400">{empty}</span>;
  return <DateTime value={date} />;
}

export default async function SharePage({
  params,
  searchParams,
}: {
  params: Promise<{ shareId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { shareId } = await params;
  const share = await getShare(shareId);
  if (!share) notFound();
  const { rows: recipients, ...cursors } = await listShareRecipients(share, pageQuery(await searchParams));
  const active = share.status === 'active';
  const actions = (
    <div className="flex flex-wrap gap-2">
      {!share.revokedAt && (
        <Link href={`/admin/shares/${share.id}/edit`} className={buttonStyles.secondary}>
          Edit share
        </Link>
      )}
      {!share.revokedAt && (
        <ConfirmAction
          action={revokeShareAction}
          fields={{ shareId: share.id }}
          label="Revoke share"
          question="Revoke every link of this share now?"
          confirmLabel="Yes, revoke share"
        />
      )}
    </div>
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/shares" className="text-brand-700 hover:underline">
          ← All shares
        </Link>
      </p>
      <PageHeader title={share.title} description={share.message || undefined} actions={actions} />

      <dl className="mb-6 grid gap-4 rounded-lg bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200 sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">Status</dt>
          <dd className="mt-1">
            <ShareStatusBadge status={share.status} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Access</dt>
          <dd className="mt-1 text-slate-900">
            <ShareEnds share={share} stacked />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Password</dt>
          <dd className="mt-1 text-slate-900">{share.hasPassword ? 'Required' : 'None'}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Downloads per recipient</dt>
          <dd className="mt-1 text-slate-900">{share.maxDownloads ?? 'No limit'}</dd>
        </div>
      </dl>

      <Panel id="files-heading" title={`Files (${share.files.length})`} className="mb-6">
        <ul className="divide-y divide-slate-100 text-sm">
          {share.files.map((file) => (
            <li key={file.id} className="px-4 py-2">
              <FileSummary file={file} />
            </li>
          ))}
        </ul>
      </Panel>

      <Panel id="recipients-heading" title={`Recipients (${share.recipientCount})`} className="mb-6">
        <DataTable
          columns={[
            { label: 'Recipient' },
            { label: 'Link' },
            { label: 'Opened' },
            { label: 'Downloads', align: 'right' },
            { label: 'Last access' },
            { label: 'Last IP' },
            { label: 'Actions', srOnly: true },
          ]}
        >
          {recipients.map((r) => (
            <tr key={r.id} aria-label={r.name}>
              <td className="px-4 py-2">
                <div className="font-medium text-slate-900">{r.name}</div>
                <div className="text-xs text-slate-500">{r.email}</div>
              </td>
              <td data-label="Link" className="px-4 py-2">
                <LinkStateBadge state={r.state} />
              </td>
              <td data-label="Opened" className="px-4 py-2 whitespace-nowrap text-slate-600">
                <When date={r.openedAt} empty="Not yet" />
              </td>
              <td data-label="Downloads" className="px-4 py-2 text-right text-slate-600">
                {r.downloadCount}
                {share.maxDownloads !== null && ` / ${share.maxDownloads}`}
              </td>
              <td data-label="Last access" className="px-4 py-2 whitespace-nowrap text-slate-600">
                <When date={r.lastAccessAt} />
              </td>
              <td data-label="Last IP" className="px-4 py-2 font-mono text-xs text-slate-600">
                {r.lastIp ?? '—'}
              </td>
              <td className="px-4 py-2">
                <div className="flex flex-wrap justify-end gap-2">
                  <Link
                    href={`/admin/shares/${share.id}/recipients/${r.id}`}
                    className={buttonStyles.secondary}
                    aria-label={`Access log for ${r.name}`}
                  >
                    Log
                  </Link>
                  {!r.revokedAt && !share.revokedAt && (
                    <ConfirmAction
                      action={revokeShareRecipientAction}
                      fields={{ shareId: share.id, recipientId: r.id }}
                      label="Revoke"
                      accessibleLabel={`Revoke link for ${r.name}`}
                      question={`Revoke ${r.name}’s link now?`}
                      confirmLabel="Yes, revoke"
                    />
                  )}
                  <ConfirmAction
                    action={removeShareRecipientAction}
                    fields={{ shareId: share.id, recipientId: r.id }}
                    label="Remove"
                    accessibleLabel={`Remove ${r.name}`}
                    question={`Remove ${r.name} and their link’s log from this share?`}
                    confirmLabel="Yes, remove"
                  />
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
        <KeysetPager
          cursors={cursors}
          href={(cursor) => `/admin/shares/${share.id}?${new URLSearchParams(cursor)}#recipients-heading`}
        />
      </Panel>

      {active && (
        <section aria-labelledby="add-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="add-heading" className="mb-3 text-sm font-semibold text-slate-900">
            Add recipients
          </h2>
          <AddRecipientsForm shareId={share.id} />
        </section>
      )}

      {active && share.files.length > 0 && (
        <details className="mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <summary className="cursor-pointer text-sm font-semibold text-slate-900">
            Raw pre-signed URL (for server-to-server transfers)
          </summary>
          <div className="mt-4">
            <RawUrlForm
              shareId={share.id}
              files={share.files.map((f) => ({ id: f.id, name: f.name }))}
              maxSeconds={rawUrlMaxSeconds()}
            />
          </div>
        </details>
      )}
    </>
  );
}

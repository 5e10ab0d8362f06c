import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SelectFilter } from '@/components/ui/select-filter';
import { auditActionLabel, auditOutcomeLabel, auditSubjectLabel } from '@/lib/audit-vocabulary';
import { listAuditEvents } from '@/lib/dal/audit-log';
import { DataTable } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { RequestCells } from '@/components/ui/request-cells';

export const metadata: Metadata = { title: 'Audit log · Admin' };

const outcomeStyles: Record<string, string> = {
  granted: 'text-emerald-700',
  refused: 'text-red-700',
  changed: 'text-sky-700',
};

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ action?: string; page?: string }>;
}) {
  const params = await searchParams;
  const log = await listAuditEvents({ action: params.action || undefined, page: Number(params.page) || 1 });
  const action = params.action && log.actions.includes(params.action) ? params.action : '';
  const pageHref = (page: number) =>
    `/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every issued download link, every refusal and every change, newest first."
        link={{ href: '/admin/invoices', label: 'Invoices' }}
      />
      <SelectFilter
        name="action"
        label="Action"
        value={action}
        everything="All actions"
        options={log.actions.map((a) => ({ value: a, label: auditActionLabel(a) }))}
        className="mb-4"
      />
      {log.events.length === 0 ? (
        <EmptyState title="Nothing recorded yet">
          {action ? `No “${auditActionLabel(action)}” events.` : 'Events appear here as links are issued and refused.'}
        </EmptyState>
      ) : (
        <section
          aria-label="Audit events"
          className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
        >
          <DataTable
            columns={[
              ...['When', 'Who', 'Action', 'Outcome', 'Subject', 'Link expires', 'IP', 'User agent', 'Detail'].map(
                (label) => ({ label }),
              ),
            ]}
          >
            {log.events.map((event) => (
              <tr key={event.id} className="align-top">
                <td data-label="When" className="px-3 py-2 whitespace-nowrap text-slate-600">
                  <DateTime value={event.createdAt} />
                </td>
                <td data-label="Who" className="px-3 py-2 text-slate-900">
                  {event.actor ? event.actor.email : <span className="text-slate-500">anonymous</span>}
                </td>
                <td data-label="Action" className="px-3 py-2">
                  {auditActionLabel(event.action)}
                  <span className="block font-mono text-xs text-slate-500">{event.action}</span>
                </td>
                <td data-label="Outcome" className={`px-3 py-2 font-medium ${outcomeStyles[event.outcome] ?? ''}`}>
                  {auditOutcomeLabel(event.outcome)}
                </td>
                <td data-label="Subject" className="px-3 py-2 text-slate-600">
                  {auditSubjectLabel(event.subjectType)}
                  {event.subjectId && <span className="block font-mono text-xs">{event.subjectId}</span>}
                </td>
                <RequestCells
                  urlExpiresAt={event.urlExpiresAt}
                  ip={event.ip}
                  userAgent={event.userAgent}
                  labels={{ expires: 'Link expires', userAgent: 'User agent' }}
                />
                <td data-label="Detail" className="max-w-64 px-3 py-2 font-mono text-xs break-all text-slate-600">
                  {event.detail ?? '—'}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
        <p className="text-slate-600">
          Page {log.page} of {log.pageCount} ({log.total} events)
        </p>
        <div className="flex gap-2">
          {log.page > 1 && (
            <Link href={pageHref(log.page - 1)} className={buttonStyles.secondary}>
              Newer
            </Link>
          )}
          {log.page < log.pageCount && (
            <Link href={pageHref(log.page + 1)} className={buttonStyles.secondary}>
              Older
            </Link>
          )}
        </div>
      </nav>
    </>
  );
}

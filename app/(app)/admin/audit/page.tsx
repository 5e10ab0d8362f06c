import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SelectFilter } from '@/components/ui/select-filter';
import { auditActionLabel, auditOutcomeLabel, auditSubjectLabel, isAuditAction } from '@/lib/audit-vocabulary';
import { listAuditEvents } from '@/lib/dal/audit-log';
import { pageQuery } from '@/lib/dal/keyset';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { DataTable } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';

export const metadata: Metadata = { title: 'Audit log · Admin' };

const outcomeStyles: Record<string, string> = {
  granted: 'text-emerald-700',
  refused: 'text-red-700',
  changed: 'text-sky-700',
};

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ action?: string; after?: string; before?: string }>;
}) {
  const params = await searchParams;
  const action = params.action && isAuditAction(params.action) ? params.action : '';
  const log = await listAuditEvents({ action: action || undefined, ...pageQuery(params) });
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
                <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                  <DateTime value={event.createdAt} />
                </td>
                <td className="px-3 py-2 text-slate-900">
                  {event.actor ? event.actor.email : <span className="text-slate-500">anonymous</span>}
                </td>
                <td className="px-3 py-2">
                  {auditActionLabel(event.action)}
                  <span className="block font-mono text-xs text-slate-500">{event.action}</span>
                </td>
                <td className={`px-3 py-2 font-medium ${outcomeStyles[event.outcome] ?? ''}`}>
                  {auditOutcomeLabel(event.outcome)}
                </td>
                <td className="px-3 py-2 text-slate-600">
                  {auditSubjectLabel(event.subjectType)}
                  {event.subjectId && <span className="block font-mono text-xs">{event.subjectId}</span>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                  {event.urlExpiresAt ? <DateTime value={event.urlExpiresAt} /> : '—'}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{event.ip ?? '—'}</td>
                <td className="max-w-48 truncate px-3 py-2 text-xs text-slate-600" title={event.userAgent ?? undefined}>
                  {event.userAgent || '—'}
                </td>
                <td className="max-w-64 px-3 py-2 font-mono text-xs break-all text-slate-600">{event.detail ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      <KeysetPager
        cursors={log}
        href={(cursor) => `/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), ...cursor })}`}
      />
    </>
  );
}

import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterBar, FilterInput, FilterSelect } from '@/components/ui/filter-bar';
import { PageHeader } from '@/components/ui/page-header';
import { buttonStyles } from '@/components/ui/button-styles';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { AuditSubject } from '@/components/audit/audit-subject';
import { AUDIT_ACTIONS, auditActionLabel, auditOutcomeLabel } from '@/lib/audit-vocabulary';
import { listAuditEvents, NO_ACCOUNT, parseAuditFilters, type AuditEventRow } from '@/lib/dal/audit-log';
import { pageQuery } from '@/lib/dal/keyset';
import { DataTable } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';

export const metadata: Metadata = { title: 'Audit log · Admin' };

const outcomeStyles: Record<string, string> = {
  granted: 'text-emerald-700',
  refused: 'text-red-700',
  changed: 'text-sky-700',
};

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS)
  .map(([value, { label }]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const log = await listAuditEvents({ ...filters, ...pageQuery(params) });
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  const filtered = query.size > 0;
  const exportCsv = (
    <a href={`/admin/audit/export${filtered ? `?${query}` : ''}`} className={buttonStyles.secondary} download>
      Export CSV
    </a>
  );
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every issued download link, every refusal and every change, newest first."
        actions={exportCsv}
      />
      <FilterBar label="Filter the audit log" clearHref={filtered ? '/admin/audit' : undefined} className="mb-4">
        <FilterInput name="q" label="Search" value={filters.q ?? ''} placeholder="Name, email, IP, id, detail…" />
        <FilterSelect
          name="actor"
          label="Who"
          value={filters.actor ?? ''}
          everything="Anyone"
          options={[
            { value: NO_ACCOUNT, label: 'No account (partners, system)' },
            ...log.actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` })),
          ]}
        />
        <FilterSelect
          name="action"
          label="Action"
          value={filters.action ?? ''}
          everything="All actions"
          options={ACTION_OPTIONS}
        />
        <FilterInput type="date" name="from" label="From (UTC)" value={filters.from ?? ''} />
        <FilterInput type="date" name="to" label="To (UTC)" value={filters.to ?? ''} />
      </FilterBar>
      {log.events.length === 0 ? (
        <EmptyState title={filtered ? 'No matching events' : 'Nothing recorded yet'}>
          {filtered
            ? 'Nothing in the log matches these filters. Widen the dates or clear the search.'
            : 'Events appear here as links are issued and refused.'}
        </EmptyState>
      ) : (
        <section aria-label="Audit events" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <DataTable columns={[{ label: 'When' }, { label: 'Who' }, { label: 'What' }, { label: 'Subject' }]}>
            {log.events.map((event) => (
              <AuditRow key={event.id} event={event} />
            ))}
          </DataTable>
        </section>
      )}
      <KeysetPager
        cursors={log}
        href={(cursor) => `/admin/audit?${new URLSearchParams([...query, ...Object.entries(cursor)])}`}
      />
    </>
  );
}

/** One event: the essentials in the row, the request and the raw detail folded away until asked for. */
function AuditRow({ event }: { event: AuditEventRow }) {
  const label = auditActionLabel(event.action);
  return (
    <tr className="align-top">
      <td className="px-4 py-2 whitespace-nowrap text-slate-600">
        <DateTime value={event.createdAt} />
      </td>
      <td data-label="Who" className="px-4 py-2 text-slate-900">
        {event.actor ? (
          <>
            {event.actor.name}
            <span className="block text-xs text-slate-500">{event.actor.email}</span>
          </>
        ) : (
          <span className="text-slate-500">No account</span>
        )}
      </td>
      <td data-label="What" className="px-4 py-2">
        <span className="text-slate-900">{label}</span>{' '}
        <span className={`text-xs font-medium ${outcomeStyles[event.outcome] ?? ''}`}>
          {auditOutcomeLabel(event.outcome)}
        </span>
        <details className="mt-1 text-xs text-slate-600">
          <summary className="cursor-pointer text-brand-700 hover:underline">
            Details<span className="sr-only"> of {label}</span>
          </summary>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            <dt className="text-slate-500">Code</dt>
            <dd className="font-mono">{event.action}</dd>
            {event.urlExpiresAt && (
              <>
                <dt className="text-slate-500">Link expires</dt>
                <dd>
                  <DateTime value={event.urlExpiresAt} />
                </dd>
              </>
            )}
            <dt className="text-slate-500">IP</dt>
            <dd className="font-mono">{event.ip ?? '—'}</dd>
            <dt className="text-slate-500">Browser</dt>
            <dd className="break-all">{event.userAgent || '—'}</dd>
          </dl>
          {event.detail !== null && (
            <pre className="mt-1 max-w-md overflow-x-auto rounded bg-slate-50 p-2 font-mono whitespace-pre-wrap">
              {JSON.stringify(event.detail, null, 2)}
            </pre>
          )}
        </details>
      </td>
      <td data-label="Subject" className="px-4 py-2 text-slate-600">
        <AuditSubject type={event.subjectType} id={event.subjectId} detail={event.detail} />
      </td>
    </tr>
  );
}

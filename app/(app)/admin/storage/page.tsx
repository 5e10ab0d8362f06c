import type { Metadata } from 'next';
import { AuditChecklist } from '@/components/storage/audit-checklist';
import { DiffView } from '@/components/storage/diff-view';
import { MechanismExplanations } from '@/components/storage/mechanisms';
import { StatusBadge } from '@/components/storage/status-badge';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { getStorageAudit } from '@/lib/dal/storage-security';
import { formatDuration } from '@/lib/format';

export const metadata: Metadata = { title: 'Storage access control' };

export default async function StorageAccessPage() {
  const audit = await getStorageAudit();
  const changes = audit.plan.filter((c) => c.diff.length > 0);
  return (
    <>
      <PageHeader
        title="Storage access control"
        description={`Bucket ${audit.bucket} (${audit.store}): each control, read from the live bucket, with the reason and the fix.`}
        link={{ href: '/admin/storage/lab', label: 'Open the lab', primary: true }}
      />
      <div className="space-y-6">
        {audit.error ? (
          <Alert tone="error">
            The bucket’s settings could not be read ({audit.error}). Check /api/health and the S3 credentials, then
            reload.
          </Alert>
        ) : (
          <>
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" aria-label="Summary">
              <StatusBadge tone="pass">{audit.summary.pass} pass</StatusBadge>
              <StatusBadge tone="warn">{audit.summary.warn} warn</StatusBadge>
              <StatusBadge tone="fail">{audit.summary.fail} fail</StatusBadge>
              <StatusBadge tone="neutral">{audit.summary.unsupported} not supported by this store</StatusBadge>
              <span>
                Same checks on the command line: <code className="rounded bg-slate-100 px-1">npm run s3:audit</code>
              </span>
            </p>
            <AuditChecklist checks={audit.checks} />
            <section
              aria-labelledby="harden-heading"
              className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
            >
              <h2 id="harden-heading" className="text-base font-semibold text-slate-900">
                What harden would change
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                Apply with <code className="rounded bg-slate-100 px-1">npm run s3:harden</code> (with an operator’s
                credentials; preview with <code className="rounded bg-slate-100 px-1">-- --dry-run</code>).
              </p>
              {changes.length === 0 ? (
                <p className="mt-3 text-sm text-slate-700">
                  Nothing: every setting harden manages is already as recommended, or not supported by this store.
                </p>
              ) : (
                changes.map((c) => (
                  <div key={c.id} className="mt-4">
                    <h3 className="text-sm font-semibold text-slate-900">{c.title}</h3>
                    {c.notes.map((n) => (
                      <p key={n} className="text-xs text-slate-600">
                        {n}
                      </p>
                    ))}
                    <DiffView lines={c.diff} label={`Changes to ${c.title}`} />
                  </div>
                ))
              )}
            </section>
          </>
        )}
        <section
          aria-labelledby="ttl-heading"
          className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="ttl-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
            Pre-signed URL lifetimes
          </h2>
          <table className="min-w-full divide-y divide-slate-100 text-sm">
            <tbody>
              {audit.ttls.map((t) => (
                <tr key={t.variable}>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                    {t.label}
                  </th>
                  <td className="px-4 py-2 text-slate-600">{formatDuration(t.seconds)}</td>
                  <td className="px-4 py-2 text-xs text-slate-500">
                    <code>{t.variable}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
            On temporary credentials (a role), each lifetime is capped at what the session has left, and the expiry
            shown to users is that real one.
          </p>
        </section>
        <section
          aria-labelledby="generated-heading"
          className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
        >
          <h2 id="generated-heading" className="text-base font-semibold text-slate-900">
            Generated policies
          </h2>
          {audit.generated.map((g) => (
            <details key={g.title} className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-slate-900">{g.title}</summary>
              <p className="mt-1 text-xs text-slate-600">
                <code>{g.command}</code>
              </p>
              <pre
                tabIndex={0}
                className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-50 p-2 text-xs ring-1 ring-slate-200"
              >
                {g.json}
              </pre>
            </details>
          ))}
        </section>
        <MechanismExplanations />
      </div>
    </>
  );
}

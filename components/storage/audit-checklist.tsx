import Link from 'next/link';
import { StatusBadge } from '@/components/storage/status-badge';
import type { AuditCheck } from '@/lib/storage/security/audit';

const LABEL = { pass: 'Pass', warn: 'Warn', fail: 'Fail', unsupported: 'Not supported' } as const;
const TONE = { pass: 'pass', warn: 'warn', fail: 'fail', unsupported: 'neutral' } as const;

/** The audit's checks, grouped by control, each with its status, reason and fix. */
export function AuditChecklist({ checks }: { checks: AuditCheck[] }) {
  const controls = [...new Set(checks.map((c) => c.control))];
  return (
    <section
      aria-labelledby="checklist-heading"
      className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="checklist-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
        Checklist
      </h2>
      {controls.map((control) => (
        <div key={control} className="border-b border-slate-100 last:border-b-0">
          <h3 className="bg-slate-50 px-4 py-2 text-xs font-medium tracking-wide text-slate-500 uppercase">
            {control}
          </h3>
          <ul className="divide-y divide-slate-100">
            {checks
              .filter((c) => c.control === control)
              .map((check) => (
                <li
                  key={check.id}
                  className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:gap-4"
                  aria-label={`${check.title}: ${LABEL[check.status]}`}
                >
                  <div className="sm:w-32">
                    <StatusBadge tone={TONE[check.status]}>{LABEL[check.status]}</StatusBadge>
                  </div>
                  <div className="min-w-0 flex-1 text-sm">
                    <p className="font-medium text-slate-900">{check.title}</p>
                    <p className="mt-0.5 break-words text-slate-600">{check.reason}</p>
                    {check.fix && (
                      <p className="mt-1 break-words text-slate-800">
                        <span className="font-semibold">Fix:</span> {check.fix}
                      </p>
                    )}
                    <Link href={`#${check.mechanism}`} className="mt-1 inline-block text-xs text-brand-700 underline">
                      How this works
                    </Link>
                  </div>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

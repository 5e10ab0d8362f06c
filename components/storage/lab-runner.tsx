'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { StatusBadge } from '@/components/storage/status-badge';
import { idle, type ActionState } from '@/lib/action-state';
import { runStorageLabAction } from '@/lib/actions/run-storage-lab';
import type { LabAnswer, LabRow } from '@/lib/storage/security/lab';
import { DataTable } from '@/components/ui/data-table';

const OUTCOME_TONE = {
  'as expected': 'pass',
  unexpected: 'fail',
  'not applicable': 'neutral',
  'not supported by this store': 'neutral',
} as const;

const answer = (a: LabAnswer | null) => (a ? `${a.status}${a.code ? ` ${a.code}` : ''}` : 'not sent');

export function LabRunner() {
  const [state, run, pending] = useActionState<ActionState<LabRow[]>>(runStorageLabAction, idle);
  const rows = state.status === 'success' ? (state.data ?? []) : [];
  return (
    <div className="space-y-4">
      <form action={run}>
        <button type="submit" className={buttonStyles.primary} disabled={pending}>
          {pending ? 'Running the lab…' : 'Run the lab'}
        </button>
      </form>
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      {state.status === 'success' && state.message && (
        <Alert tone={rows.some((r) => r.outcome === 'unexpected') ? 'warning' : 'success'}>{state.message}</Alert>
      )}
      {rows.length > 0 && (
        <DataTable
          card
          columns={[
            { label: 'Request' },
            { label: 'Expected' },
            { label: 'Actual' },
            { label: 'Outcome' },
            { label: 'Which layer, and why' },
          ]}
          caption="Lab results"
        >
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                {row.title}
              </th>
              <td data-label="Expected" className="px-3 py-2 font-mono text-xs whitespace-nowrap text-slate-700">
                {answer(row.expected)}
              </td>
              <td data-label="Actual" className="px-3 py-2 font-mono text-xs whitespace-nowrap text-slate-900">
                {answer(row.actual)}
              </td>
              <td data-label="Outcome" className="px-3 py-2">
                <StatusBadge tone={OUTCOME_TONE[row.outcome]}>{row.outcome}</StatusBadge>
              </td>
              <td data-label="Which layer, and why" className="px-3 py-2 text-slate-600 sm:min-w-64">
                <p className="text-slate-800">{row.layer}</p>
                <p className="mt-1">{row.explanation}</p>
                <Link
                  href={`/admin/storage#${row.mechanism}`}
                  className="mt-1 inline-block text-xs text-brand-700 underline"
                >
                  How this works
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

import { RetryMailButton } from '@/components/mail/retry-mail-button';
import { DataTable } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import type { OutboxRow } from '@/lib/dal/mail';
import { mailKindLabel } from '@/lib/mail/kinds';

/** Mails that have not gone out, with why (the SMTP server's last answer) and, once failed, Retry. */
export function OutboxTable({ rows, caption }: { rows: OutboxRow[]; caption: string }) {
  const failed = rows.some((row) => row.status === 'FAILED');
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: 'Queued' },
        { label: 'To' },
        { label: 'Mail' },
        { label: 'Last error' },
        ...(failed ? [{ label: 'Actions', srOnly: true }] : []),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="align-top">
          <td data-label="Queued" className="px-4 py-2 whitespace-nowrap text-slate-600">
            <DateTime value={row.createdAt} />
          </td>
          <td data-label="To" className="px-4 py-2 text-slate-900">
            {row.to}
          </td>
          <td data-label="Mail" className="px-4 py-2">
            {row.subject}
            <span className="block text-xs text-slate-500">{mailKindLabel(row.kind)}</span>
          </td>
          <td data-label="Last error" className="px-4 py-2 break-words text-slate-600">
            {row.lastError ?? <span className="text-slate-500">none yet</span>}
            {row.lastAttemptAt && (
              <span className="block text-xs text-slate-500">
                {row.attempts} {row.attempts === 1 ? 'attempt' : 'attempts'}, the last{' '}
                <DateTime value={row.lastAttemptAt} />
              </span>
            )}
          </td>
          {failed && (
            <td className="px-4 py-2">{row.status === 'FAILED' && <RetryMailButton mailId={row.id} to={row.to} />}</td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

import { DateTime } from '@/components/ui/date-time';

/**
 * The cells every log row shares (the audit log, a partner link's access log): until when the URL
 * it issued works, and the IP and browser the request came from.
 */
export function RequestCells({
  urlExpiresAt,
  ip,
  userAgent,
  labels,
}: {
  urlExpiresAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  labels: { expires: string; userAgent: string };
}) {
  return (
    <>
      <td data-label={labels.expires} className="px-3 py-2 whitespace-nowrap text-slate-600">
        {urlExpiresAt ? <DateTime value={urlExpiresAt} /> : '—'}
      </td>
      <td data-label="IP" className="px-3 py-2 font-mono text-xs text-slate-600">
        {ip ?? '—'}
      </td>
      <td
        data-label={labels.userAgent}
        className="max-w-48 truncate px-3 py-2 text-xs text-slate-600"
        title={userAgent ?? undefined}
      >
        {userAgent || '—'}
      </td>
    </>
  );
}

import Link from 'next/link';
import { auditSubjectLabel } from '@/lib/audit-vocabulary';

type Detail = unknown;

function shareIdIn(detail: Detail): string | null {
  if (detail && typeof detail === 'object' && 'shareId' in detail && typeof detail.shareId === 'string')
    return detail.shareId;
  return null;
}

/** The admin page an event's subject lives on, where there is one. */
export function auditSubjectHref(type: string, id: string | null, detail: Detail): string | null {
  if (type === 'bucket' || type === 'storage') return '/admin/storage';
  if (!id) return null;
  if (type === 'share') return `/admin/shares/${encodeURIComponent(id)}`;
  if (type === 'user') return `/admin/users?${new URLSearchParams({ q: id })}`;
  const shareId = shareIdIn(detail);
  if (type === 'shareRecipient' && shareId)
    return `/admin/shares/${encodeURIComponent(shareId)}/recipients/${encodeURIComponent(id)}`;
  return null;
}

/** An audit row's subject: its kind in words, its id, and a link to its page where it has one. */
export function AuditSubject({ type, id, detail }: { type: string; id: string | null; detail: Detail }) {
  const href = auditSubjectHref(type, id, detail);
  const label = auditSubjectLabel(type);
  return (
    <>
      {href ? (
        <Link href={href} className="text-brand-700 hover:underline">
          {label}
        </Link>
      ) : (
        label
      )}
      {id && <span className="block font-mono text-xs break-all text-slate-500">{id}</span>}
    </>
  );
}

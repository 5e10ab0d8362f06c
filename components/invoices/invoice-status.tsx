import type { InvoiceStatus } from '@/lib/generated/prisma/enums';

const styles: Record<InvoiceStatus, { label: string; className: string }> = {
  PENDING_UPLOAD: { label: 'Awaiting upload', className: 'bg-amber-50 text-amber-800 ring-amber-200' },
  OPEN: { label: 'Open', className: 'bg-sky-50 text-sky-800 ring-sky-200' },
  PAID: { label: 'Paid', className: 'bg-emerald-50 text-emerald-800 ring-emerald-200' },
  VOID: { label: 'Void', className: 'bg-slate-100 text-slate-600 ring-slate-300' },
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { label, className } = styles[status];
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>
      {label}
    </span>
  );
}

/** Only open and paid invoices have a PDF anyone may download. */
export function isDownloadable(status: InvoiceStatus): boolean {
  return status === 'OPEN' || status === 'PAID';
}

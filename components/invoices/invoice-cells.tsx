import { InvoiceStatusBadge } from '@/components/invoices/invoice-status';
import { buttonStyles } from '@/components/ui/button-styles';
import type { InvoiceStatus } from '@/lib/generated/prisma/enums';
import { formatIssueDate, formatMoney } from '@/lib/invoices/format';

/** The row header of an invoice row: its number. */
export function InvoiceNumberCell({ number }: { number: string }) {
  return (
    <th scope="row" className="px-4 py-3 text-left font-medium whitespace-nowrap text-slate-900">
      {number}
    </th>
  );
}

/** Date, amount and status: the cells every invoice table shows, in the customer's and the admin's list alike. */
export function InvoiceFigureCells({
  invoice,
}: {
  invoice: { issuedAt: Date; amountCents: number; currency: string; status: InvoiceStatus };
}) {
  return (
    <>
      <td data-label="Date" className="px-4 py-3 whitespace-nowrap text-slate-600">
        {formatIssueDate(invoice.issuedAt)}
      </td>
      <td data-label="Amount" className="px-4 py-3 text-right whitespace-nowrap text-slate-900 tabular-nums">
        {formatMoney(invoice.amountCents, invoice.currency)}
      </td>
      <td data-label="Status" className="px-4 py-3">
        <InvoiceStatusBadge status={invoice.status} />
      </td>
    </>
  );
}

/** "Download": a plain link, not next/link: no prefetch, so a URL is signed only when clicked. */
export function InvoiceDownloadLink({ id, number }: { id: string; number: string }) {
  return (
    <a href={`/invoices/${id}/download`} className={`${buttonStyles.secondary} px-3 py-1.5`}>
      Download<span className="sr-only"> {number}</span>
    </a>
  );
}

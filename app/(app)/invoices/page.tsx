import type { Metadata } from 'next';
import { CopyLinkButton } from '@/components/invoices/copy-link-button';
import { isDownloadable } from '@/components/invoices/invoice-status';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listMyInvoices } from '@/lib/dal/invoices';
import { pageQuery } from '@/lib/dal/keyset';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { formatDuration } from '@/lib/format';
import { ttlSeconds } from '@/lib/storage/ttl';
import { DataTable } from '@/components/ui/data-table';
import { InvoiceDownloadLink, InvoiceFigureCells, InvoiceNumberCell } from '@/components/invoices/invoice-cells';

export const metadata: Metadata = { title: 'Invoices' };

export default async function InvoicesPage({
  searchParams,
}: {
  searchParams: Promise<{ after?: string; before?: string }>;
}) {
  const { rows: invoices, ...cursors } = await listMyInvoices(pageQuery(await searchParams));
  // The longest life the policy gives a forwarded link: the UI never promises more.
  const linkLife = formatDuration(ttlSeconds('invoice'));
  return (
    <>
      <PageHeader
        title="Invoices"
        description={`Download links are issued when you ask for them and expire. A copied link lets anyone who has it download that invoice for ${linkLife}, unless it is voided.`}
      />
      {invoices.length === 0 ? (
        <EmptyState title="No invoices yet">Invoices we send you will appear here.</EmptyState>
      ) : (
        <section
          aria-labelledby="invoices-heading"
          className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="invoices-heading" className="sr-only">
            Your invoices
          </h2>
          <DataTable
            columns={[
              { label: 'Number' },
              { label: 'Date' },
              { label: 'Amount', align: 'right' },
              { label: 'Status' },
              { label: 'Actions', srOnly: true },
            ]}
          >
            {invoices.map((invoice) => (
              <tr key={invoice.id} className="align-top">
                <InvoiceNumberCell number={invoice.number} />
                <InvoiceFigureCells invoice={invoice} />
                <td className="px-4 py-3">
                  {isDownloadable(invoice.status) ? (
                    <div className="flex flex-wrap items-start gap-2 sm:min-w-56">
                      <InvoiceDownloadLink id={invoice.id} number={invoice.number} />
                      <CopyLinkButton invoiceId={invoice.id} number={invoice.number} />
                    </div>
                  ) : (
                    <p className="text-slate-500">Voided: no longer available.</p>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          <KeysetPager cursors={cursors} href={(cursor) => `/invoices?${new URLSearchParams(cursor)}`} />
        </section>
      )}
    </>
  );
}

import type { Metadata } from 'next';
import { isDownloadable } from '@/components/invoices/invoice-status';
import { IssueInvoiceForm } from '@/components/invoices/issue-invoice-form';
import { VoidInvoiceButton } from '@/components/invoices/void-invoice-button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SelectFilter } from '@/components/ui/select-filter';
import { listInvoiceCustomers, listInvoicesForAdmin, suggestInvoiceNumber } from '@/lib/dal/invoices';
import { NEW_CUSTOMER } from '@/lib/invoices/input';
import { env } from '@/lib/env';
import { pageQuery } from '@/lib/dal/keyset';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { DataTable } from '@/components/ui/data-table';
import { InvoiceDownloadLink, InvoiceFigureCells, InvoiceNumberCell } from '@/components/invoices/invoice-cells';

export const metadata: Metadata = { title: 'Invoices · Admin' };

export default async function AdminInvoicesPage({
  searchParams,
}: {
  searchParams: Promise<{ customer?: string; after?: string; before?: string }>;
}) {
  const params = await searchParams;
  const { customer } = params;
  const customers = await listInvoiceCustomers();
  const customerId = customers.some((c) => c.id === customer) ? customer : undefined;
  const [{ rows: invoices, ...cursors }, suggestedNumber] = await Promise.all([
    listInvoicesForAdmin({ customerId }, pageQuery(params)),
    suggestInvoiceNumber(),
  ]);
  return (
    <>
      <PageHeader
        title="Invoices"
        description="Issue invoices to customers and void them. Customers see an invoice once its PDF is verified."
        link={{ href: '/admin/audit', label: 'Audit log' }}
      />
      <section aria-labelledby="issue-heading" className="mb-8 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="issue-heading" className="mb-4 text-base font-semibold text-slate-900">
          Issue an invoice
        </h2>
        <IssueInvoiceForm
          customers={customers}
          suggestedNumber={suggestedNumber}
          maxBytes={env.INVOICE_MAX_BYTES}
          newCustomer={NEW_CUSTOMER}
        />
      </section>

      <section
        aria-labelledby="all-invoices-heading"
        className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
      >
        <div className="flex flex-col gap-3 border-b border-slate-200 px-4 py-3 sm:flex-row sm:items-end sm:justify-between">
          <h2 id="all-invoices-heading" className="text-sm font-semibold text-slate-900">
            All invoices
          </h2>
          <SelectFilter
            name="customer"
            label="Filter by customer"
            value={customerId ?? ''}
            everything="All customers"
            options={customers.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
          />
        </div>
        {invoices.length === 0 ? (
          <div className="p-4">
            <EmptyState title="No invoices">
              {customerId ? 'This customer has no invoices yet.' : 'Issue the first one above.'}
            </EmptyState>
          </div>
        ) : (
          <DataTable
            columns={[
              { label: 'Number' },
              { label: 'Customer' },
              { label: 'Date' },
              { label: 'Amount', align: 'right' },
              { label: 'Status' },
              { label: 'Actions', srOnly: true },
            ]}
          >
            {invoices.map((invoice) => (
              <tr key={invoice.id} className="align-top">
                <InvoiceNumberCell number={invoice.number} />
                <td data-label="Customer" className="px-4 py-3 text-slate-600">
                  {invoice.customer.name}
                  <span className="block text-xs text-slate-500">{invoice.customer.email}</span>
                </td>
                <InvoiceFigureCells invoice={invoice} />
                <td className="px-4 py-3">
                  {isDownloadable(invoice.status) && (
                    <div className="flex flex-wrap items-start gap-2">
                      <InvoiceDownloadLink id={invoice.id} number={invoice.number} />
                      <VoidInvoiceButton invoiceId={invoice.id} number={invoice.number} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <KeysetPager
          cursors={cursors}
          href={(cursor) =>
            `/admin/invoices?${new URLSearchParams({ ...(customerId ? { customer: customerId } : {}), ...cursor })}`
          }
        />
      </section>
    </>
  );
}

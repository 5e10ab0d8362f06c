import type { Metadata } from 'next';
import { isDownloadable } from '@/components/invoices/invoice-status';
import { IssueInvoiceForm } from '@/components/invoices/issue-invoice-form';
import { VoidInvoiceButton } from '@/components/invoices/void-invoice-button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { CustomerCombobox } from '@/components/invoices/customer-combobox';
import { FilterBar } from '@/components/ui/filter-bar';
import { findInvoiceCustomer } from '@/lib/dal/invoice-customers';
import { listInvoicesForAdmin, suggestInvoiceNumber } from '@/lib/dal/invoices';
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
  searchParams: Promise<{ customer?: string | string[]; after?: string; before?: string }>;
}) {
  const params = await searchParams;
  // Only an invoiceable account filters the list; anything else in the address shows every invoice.
  const customer = typeof params.customer === 'string' ? await findInvoiceCustomer(params.customer) : null;
  const customerId = customer?.id;
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
          <FilterBar clearHref={customer ? '/admin/invoices' : undefined}>
            <div className="w-full text-sm sm:w-72">
              <label htmlFor="customer-filter" className="font-medium text-slate-800">
                Filter by customer
              </label>
              {/* Keyed by the filter: "Clear" (a client navigation) starts it over. */}
              <CustomerCombobox
                key={customerId ?? ''}
                id="customer-filter"
                name="customer"
                placeholder="All customers"
                initial={customer}
                refuseUnchosen
              />
            </div>
          </FilterBar>
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

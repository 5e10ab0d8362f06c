'use client';

import { Combobox, type ComboboxOption, type ComboboxResult } from '@/components/ui/combobox';
import { searchInvoiceCustomersAction } from '@/lib/actions/invoices';
import type { InvoiceCustomer } from '@/lib/dal/invoice-customers';

/** A customer as a choice of the customer search: the name, with the email under it. */
const customerOption = (customer: InvoiceCustomer): ComboboxOption => ({
  value: customer.id,
  label: customer.name,
  detail: customer.email,
});

async function searchCustomers(text: string): Promise<ComboboxResult> {
  const answer = await searchInvoiceCustomersAction({ query: text });
  if (answer.status === 'error') return { error: answer.message };
  if (answer.status !== 'success' || !answer.data) return { error: 'The search failed. Try again.' };
  return { options: answer.data.customers.map(customerOption), message: answer.message ?? '' };
}

/**
 * The customer field of the invoice form and of the invoice filter: searches customers by name or
 * email on the server (a few at a time, however many there are) and sends the chosen one's id.
 */
export function CustomerCombobox({
  initial,
  ...props
}: Omit<React.ComponentProps<typeof Combobox>, 'search' | 'listLabel' | 'initial'> & {
  /** The customer chosen already (the filter's). */
  initial?: InvoiceCustomer | null;
}) {
  return (
    <Combobox
      {...props}
      initial={initial ? customerOption(initial) : null}
      search={searchCustomers}
      listLabel="Customers"
    />
  );
}

'use server';

import { z } from 'zod';
import { defineAction, defineFormAction } from '@/lib/actions/builder';
import { DalError } from '@/lib/dal/errors';
import { CUSTOMER_SEARCH_LIMIT, searchInvoiceCustomers } from '@/lib/dal/invoice-customers';
import { confirmInvoiceIssue, createInvoiceLink, startInvoiceIssue, voidInvoice } from '@/lib/dal/invoices';
import { issueInvoiceForm } from '@/lib/invoices/input';

// Any text reaches the DAL, which audits a malformed id as a refusal (and answers "not found").
const invoiceId = z.string().max(100).catch('');
const invoices = () => ['/admin/invoices'];

/**
 * "Copy link": an app link to one of the signed-in customer's invoices, living as long as the invoice
 * TTL policy allows (24 h at most) and checked on every click. The client cannot ask for a longer (or
 * any) lifetime.
 */
export const createInvoiceLinkAction = defineAction({
  role: 'user',
  input: invoiceId,
  run: async (id, { request }) => {
    const link = await createInvoiceLink(id, request);
    if (link.outcome === 'granted') return { url: link.url, expiresAt: link.expiresAt };
    if (link.outcome === 'voided') throw new DalError(`Invoice ${link.number} was voided and can no longer be shared.`);
    throw new DalError('This invoice is not available. Reload the page to see your current invoices.');
  },
});

/** Step 1 of issuing an invoice (admins): a pending invoice and a form to upload its PDF directly to S3. */
export const startInvoiceIssueAction = defineAction({
  role: 'admin',
  // The form sends text; the schema (which the browser checks first) says which text is an invoice.
  input: issueInvoiceForm.input,
  run: (input, { request }) => startInvoiceIssue(input, request),
});

/** Step 2 of issuing an invoice (admins): the server verifies the uploaded PDF and opens the invoice. */
export const confirmInvoiceIssueAction = defineAction({
  role: 'admin',
  input: invoiceId,
  run: (id, { request }) => confirmInvoiceIssue(id, request),
  success: ({ number }) => `Invoice ${number} is issued: the customer can download it now.`,
  revalidate: invoices,
});

/** Voids an invoice: its PDF stays, but no link to it is issued any more. */
export const voidInvoiceAction = defineFormAction({
  role: 'admin',
  input: invoiceId,
  fromForm: (form) => form.get('invoiceId'),
  run: (id, { request }) => voidInvoice(id, request),
  success: ({ number }) => `Invoice ${number} is void. Its download links are refused from now on.`,
  revalidate: invoices,
});

/**
 * The customer search of the invoice form and filter (admins): a few matches for what was typed. Its
 * message is the count a screen reader announces.
 */
export const searchInvoiceCustomersAction = defineAction({
  role: 'admin',
  input: z.object({ query: z.string().max(100, 'Type at most 100 characters of a name or email.') }),
  run: ({ query }) => searchInvoiceCustomers(query),
  success: ({ customers, more }) =>
    more
      ? `More than ${CUSTOMER_SEARCH_LIMIT} customers match: the first ${CUSTOMER_SEARCH_LIMIT} are listed. Type more to narrow them.`
      : customers.length === 0
        ? 'No customer matches.'
        : `${customers.length} ${customers.length === 1 ? 'customer matches' : 'customers match'}.`,
});

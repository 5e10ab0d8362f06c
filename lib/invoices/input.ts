import { z } from 'zod';
import { formFields, type FormSpec } from '@/lib/action-state';
import { emailAddress, personName } from '@/lib/accounts/input';
import { INVOICE_CURRENCIES, parseAmountToCents } from '@/lib/invoices/format';

/** Invoice ids as the server makes them (and as object keys accept them); user ids have the same form. */
export const INVOICE_ID = /^[a-z0-9]{8,64}$/;

/** The customer choice that invites someone new in place (with a name and an email). */
export const NEW_CUSTOMER = 'new';

/** What an admin types to issue an invoice: checked in the browser first, then by the server. */
export const issueInvoiceSchema = z
  .object({
    customerId: z.string().max(100),
    customerName: z.string().max(1000).default(''),
    customerEmail: z.string().max(1000).default(''),
    number: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/, 'Use 3 to 32 letters, digits and hyphens, for example INV-2026-0042.'),
    amount: z
      .string()
      .transform((text) => parseAmountToCents(text))
      .refine(
        (cents): cents is number => cents !== null && cents > 0,
        'Enter an amount above zero and below 10,000,000, such as 120 or 120.50.',
      ),
    currency: z.enum(INVOICE_CURRENCIES, 'Choose a currency.'),
  })
  // Runs whatever the other fields say, so that every field's problem is reported at once.
  .superRefine((value, ctx) => {
    const fields =
      value.customerId === NEW_CUSTOMER
        ? ([
            ['customerName', personName],
            ['customerEmail', emailAddress],
          ] as const)
        : ([['customerId', z.string().regex(INVOICE_ID, 'Choose a customer.')]] as const);
    for (const [path, schema] of fields) {
      const parsed = schema.safeParse(value[path]);
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: [path], message: parsed.error.issues[0].message });
    }
  })
  .transform(({ amount, customerName, customerEmail, ...rest }) => ({
    ...rest,
    amountCents: amount,
    newCustomer:
      rest.customerId === NEW_CUSTOMER
        ? { name: personName.parse(customerName), email: emailAddress.parse(customerEmail) }
        : null,
  }));
export type IssueInvoiceInput = Omit<z.output<typeof issueInvoiceSchema>, 'newCustomer'> & {
  newCustomer?: { name: string; email: string } | null;
};

/** The invoice form's text fields (its PDF goes straight to storage, checked separately). */
const issueInvoiceFields = z
  .object({
    customerId: z.string(),
    customerName: z.string().optional(),
    customerEmail: z.string().optional(),
    number: z.string(),
    amount: z.string(),
    currency: z.string(),
  })
  .pipe(issueInvoiceSchema);
export const issueInvoiceForm = {
  input: issueInvoiceFields,
  fromForm: (form) => {
    const fields = formFields(form, 'customerId', 'customerName', 'customerEmail', 'number', 'amount', 'currency');
    // Absent fields (the new-customer pair while an existing customer is chosen) stay absent.
    return Object.fromEntries(
      Object.entries(fields).flatMap(([name, value]) => (value === null ? [] : [[name, String(value)]])),
    );
  },
} satisfies FormSpec<typeof issueInvoiceFields>;

'use server';

import { type ActionState, fieldErrorsFrom } from '@/lib/action-state';
import { issueInvoiceSchema, startInvoiceIssue } from '@/lib/dal/invoices';
import { requestContext } from '@/lib/request-context';
import type { PresignedPostForm } from '@/lib/storage/presign';

export interface IssueInvoiceFields {
  customerId: string;
  number: string;
  amount: string;
  currency: string;
}

/** Step 1 of issuing an invoice (admins): a pending invoice and a form to upload its PDF directly to S3. */
export async function startInvoiceIssueAction(fields: IssueInvoiceFields): Promise<ActionState<{ invoiceId: string; upload: PresignedPostForm }>> {
  const parsed = issueInvoiceSchema.safeParse(fields);
  if (!parsed.success) return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const result = await startInvoiceIssue(parsed.data, await requestContext());
  if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.field ? { [result.field]: result.message } : undefined };
  return { status: 'success', data: { invoiceId: result.invoiceId, upload: result.upload } };
}

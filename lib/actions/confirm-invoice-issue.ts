'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { confirmInvoiceIssue } from '@/lib/dal/invoices';
import { requestContext } from '@/lib/request-context';

/** Step 2 of issuing an invoice (admins): the server verifies the uploaded PDF and opens the invoice. */
export async function confirmInvoiceIssueAction(invoiceId: string): Promise<ActionState<{ number: string }>> {
  const parsed = z.string().max(100).safeParse(invoiceId);
  const result = await confirmInvoiceIssue(parsed.success ? parsed.data : '', await requestContext());
  if (!result.ok) return { status: 'error', message: result.message };
  revalidatePath('/admin/invoices');
  return { status: 'success', message: `Invoice ${result.number} is issued: the customer can download it now.`, data: { number: result.number } };
}

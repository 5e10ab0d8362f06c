'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { voidInvoice } from '@/lib/dal/invoices';
import { requestContext } from '@/lib/request-context';

export async function voidInvoiceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = z.string().max(100).safeParse(formData.get('invoiceId'));
  const result = await voidInvoice(parsed.success ? parsed.data : '', await requestContext());
  if (!result.ok) return { status: 'error', message: result.message };
  revalidatePath('/admin/invoices');
  return { status: 'success', message: `Invoice ${result.number} is void. Its download links are refused from now on.` };
}

'use server';

import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { createInvoiceLink } from '@/lib/dal/invoices';
import { requestContext } from '@/lib/request-context';

/**
 * "Copy link": a pre-signed link to one of the signed-in customer's invoices, living as long as the
 * invoice TTL policy allows (24 h at most). The client cannot ask for a longer (or any) lifetime.
 */
export async function createInvoiceLinkAction(invoiceId: string): Promise<ActionState<{ url: string; expiresAt: Date }>> {
  const parsed = z.string().max(100).safeParse(invoiceId);
  const link = await createInvoiceLink(parsed.success ? parsed.data : '', await requestContext());
  if (link.outcome === 'granted') return { status: 'success', data: { url: link.url, expiresAt: link.expiresAt } };
  if (link.outcome === 'voided') return { status: 'error', message: `Invoice ${link.number} was voided and can no longer be shared.` };
  return { status: 'error', message: 'This invoice is not available. Reload the page to see your current invoices.' };
}

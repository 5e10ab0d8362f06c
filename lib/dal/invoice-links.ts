import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { auditor } from '@/lib/dal/audit';
import { readInvoiceLinkToken } from '@/lib/invoices/link-token';
import type { RequestContext } from '@/lib/request-context';
import { presignInvoiceDownload } from '@/lib/storage/invoices';

export type FollowedInvoiceLink =
  | { outcome: 'granted'; url: string }
  | { outcome: 'expired' }
  | { outcome: 'voided' }
  /** A forged, malformed or unknown link: indistinguishable on purpose. */
  | { outcome: 'not-found' };

/**
 * A click on a copied invoice link (/i/{token}), by whoever holds it: no session, the signed token
 * alone names the invoice. Every click reads the invoice afresh, so a voided invoice is refused from
 * the moment it is voided; a granted click gets a pre-signed GET that lives seconds (the invoiceClick
 * policy), used at once by the redirect. Every answer is audited (actor: nobody).
 */
export async function followInvoiceLink(token: string, context: RequestContext): Promise<FollowedInvoiceLink> {
  const audit = auditor(null, context);
  const reading = readInvoiceLinkToken(token, env.AUTH_SECRET);
  if (!reading.valid) {
    await audit('invoice.link.follow', 'refused', null, { detail: { reason: reading.reason } });
    return reading.reason === 'expired' ? { outcome: 'expired' } : { outcome: 'not-found' };
  }
  const invoice = await db.invoice.findUnique({
    where: { id: reading.invoiceId },
    select: { id: true, number: true, status: true, objectKey: true },
  });
  if (!invoice || invoice.status === 'PENDING_UPLOAD') {
    await audit('invoice.link.follow', 'refused', reading.invoiceId, { detail: { reason: 'no-such-invoice' } });
    return { outcome: 'not-found' };
  }
  if (invoice.status === 'VOID') {
    await audit('invoice.link.follow', 'refused', invoice.id, { detail: { reason: 'voided', number: invoice.number } });
    return { outcome: 'voided' };
  }
  const signed = await presignInvoiceDownload(invoice.objectKey, invoice.number, { purpose: 'invoiceClick' });
  await audit('invoice.link.follow', 'granted', invoice.id, {
    urlExpiresAt: signed.expiresAt,
    detail: { number: invoice.number, linkExpiresAt: reading.expiresAt.toISOString() },
  });
  return { outcome: 'granted', url: signed.url };
}

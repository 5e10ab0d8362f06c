import { readExpiringToken, signExpiringToken } from '@/lib/expiring-token';
import { INVOICE_ID } from '@/lib/invoices/input';

/**
 * The token in a copied invoice link (/i/{token}): the invoice id and the link's expiry, signed with
 * AUTH_SECRET. It only says which invoice and until when; whether the invoice may still be downloaded
 * is decided on every click, from the database.
 */
const PURPOSE = 'invoice-link';

export function invoiceLinkPath(invoiceId: string, expiresAt: Date, secret: string): string {
  return `/i/${signExpiringToken(PURPOSE, invoiceId, expiresAt, secret)}`;
}

export type InvoiceLinkReading = { valid: true; invoiceId: string; expiresAt: Date } | { valid: false; reason: string };

export function readInvoiceLinkToken(token: string, secret: string, now: Date = new Date()): InvoiceLinkReading {
  const reading = readExpiringToken(token, PURPOSE, secret, { now });
  if (!reading.valid) return reading;
  if (!INVOICE_ID.test(reading.id)) return { valid: false, reason: 'malformed' };
  return { valid: true, invoiceId: reading.id, expiresAt: reading.expiresAt };
}

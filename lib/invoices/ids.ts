import { randomBytes } from 'node:crypto';

/** Invoice ids as the server makes them (and as object keys accept them). */
export const INVOICE_ID = /^[a-z0-9]{8,64}$/;

/** Server-generated: the id is part of the object key, so it must be known before the row exists. */
export function newInvoiceId(): string {
  return randomBytes(12).toString('hex');
}

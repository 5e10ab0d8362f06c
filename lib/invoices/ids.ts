import { randomBytes } from 'node:crypto';

/** Server-generated: the id is part of the object key, so it must be known before the row exists. */
export function newInvoiceId(): string {
  return randomBytes(12).toString('hex');
}

import 'server-only';
import { db } from '@/lib/db';
import { requireAdmin } from '@/lib/dal/session';
import { INVOICE_ID } from '@/lib/invoices/input';

/** An account an invoice can be issued to, as the invoice form and filter show it. */
export interface InvoiceCustomer {
  id: string;
  name: string;
  email: string;
}

/** Matches a search returns at most: a hint to type more, not a list to scroll. */
export const CUSTOMER_SEARCH_LIMIT = 10;

/** Invoices go to customers, invited ones too (the invoice waits for them), never to closed accounts. */
const invoiceable = { role: 'USER', status: { not: 'DEACTIVATED' } } as const;

/** `text` as a literal inside a LIKE pattern: its % and _ match themselves. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * For the customer search of /admin/invoices: customers whose name or email contains `text` (any
 * case), those starting with it first, then by email; `more` says whether others match too. Empty
 * text lists the first customers by email. One bounded statement, whatever the number of accounts.
 */
export async function searchInvoiceCustomers(text: string): Promise<{ customers: InvoiceCustomer[]; more: boolean }> {
  await requireAdmin();
  const typed = likeLiteral(text.trim());
  // Raw for the ranking (Prisma orders by columns only); the WHERE is `invoiceable` in SQL.
  const rows = await db.$queryRaw<InvoiceCustomer[]>`
    SELECT "id", "name", "email" FROM "User"
    WHERE "role" = 'USER' AND "status" <> 'DEACTIVATED'
      AND ("name" ILIKE ${`%${typed}%`} OR "email" ILIKE ${`%${typed}%`})
    ORDER BY ("name" ILIKE ${`${typed}%`} OR "email" ILIKE ${`${typed}%`}) DESC, "email"
    LIMIT ${CUSTOMER_SEARCH_LIMIT + 1}`;
  return { customers: rows.slice(0, CUSTOMER_SEARCH_LIMIT), more: rows.length > CUSTOMER_SEARCH_LIMIT };
}

/** The customer `rawId` names (from a form or an address), or null when it names no invoiceable account. */
export async function findInvoiceCustomer(rawId: string): Promise<InvoiceCustomer | null> {
  await requireAdmin();
  if (!INVOICE_ID.test(rawId)) return null;
  return db.user.findFirst({ where: { id: rawId, ...invoiceable }, select: { id: true, name: true, email: true } });
}

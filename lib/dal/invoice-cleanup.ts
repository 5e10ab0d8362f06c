import 'server-only';
import { db } from '@/lib/db';
import { auditor } from '@/lib/dal/audit';
import { keys } from '@/lib/storage/keys';
import { deleteObject } from '@/lib/storage/objects';

// A background task: no actor, no request.
const audit = auditor(null);

// Kept apart from lib/dal/invoices.ts for the same reason as avatar-cleanup.ts: the cleanup task
// runs outside Next, where the session module cannot load.

/**
 * For the `storage:cleanup` task: invoices still PENDING_UPLOAD after `staleAfterSeconds` (their
 * upload form expired long before) are abandoned issues. Each is claimed by a conditional delete,
 * so a confirm racing the cleanup either wins (the invoice opens) or finds nothing to confirm, and
 * then its object, if any arrived, is deleted. Customers never saw them.
 */
export async function cleanupPendingInvoices(options: { now?: Date; staleAfterSeconds: number }): Promise<number> {
  const now = options.now ?? new Date();
  const stale = await db.invoice.findMany({
    where: { status: 'PENDING_UPLOAD', createdAt: { lt: new Date(now.getTime() - options.staleAfterSeconds * 1000) } },
    select: { id: true, number: true, objectKey: true },
  });
  let removed = 0;
  for (const invoice of stale) {
    const { count } = await db.invoice.deleteMany({ where: { id: invoice.id, status: 'PENDING_UPLOAD' } });
    if (count === 0) continue;
    await deleteObject(keys.invoiceUpload(invoice.id));
    await deleteObject(invoice.objectKey);
    await audit('invoice.cleanup', 'changed', invoice.id, {
      detail: { number: invoice.number, reason: 'upload never confirmed' },
    });
    removed++;
  }
  return removed;
}

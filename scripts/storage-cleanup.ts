// npm run storage:cleanup [-- --older-than-minutes N]: removes photo uploads nobody confirmed in
// time (rows and quarantined objects), quarantined objects older than N minutes (default 60) that
// no pending upload waits for, and invoices whose PDF upload was abandoned more than N minutes ago.
// Safe to run at any time, e.g. hourly from cron.
import { parseArgs } from 'node:util';
import { cleanupAvatarStorage, DEFAULT_STALE_QUARANTINE_SECONDS } from '@/lib/dal/avatar-cleanup';
import { cleanupPendingInvoices } from '@/lib/dal/invoice-cleanup';
import { db } from '@/lib/db';

const { values } = parseArgs({
  options: { 'older-than-minutes': { type: 'string', default: String(DEFAULT_STALE_QUARANTINE_SECONDS / 60) } },
});
const minutes = Number(values['older-than-minutes']);
if (!Number.isInteger(minutes) || minutes < 1) {
  console.error(`--older-than-minutes must be a whole number of minutes, got ${values['older-than-minutes']}`);
  process.exit(2);
}

try {
  const report = await cleanupAvatarStorage({ staleAfterSeconds: minutes * 60 });
  console.log(
    `Removed ${report.expiredUploads} expired photo upload(s) and ${report.staleObjects} stale quarantined object(s) older than ${minutes} min.`,
  );
  const invoices = await cleanupPendingInvoices({ staleAfterSeconds: minutes * 60 });
  console.log(`Removed ${invoices} invoice(s) whose PDF upload was abandoned over ${minutes} min ago.`);
} finally {
  await db.$disconnect();
}

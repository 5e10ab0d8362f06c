import 'server-only';
import { cleanupAvatarStorage } from '@/lib/dal/avatar-cleanup';
import { cleanupExpiredRecords } from '@/lib/dal/expired-records-cleanup';
import { cleanupPendingInvoices } from '@/lib/dal/invoice-cleanup';
import { cleanupAbandonedUploads } from '@/lib/dal/library-cleanup';
import { env } from '@/lib/env';

/**
 * The upkeep tasks, run hourly by the job worker (CLEANUP_SCHEDULE) and by hand through
 * `npm run storage:cleanup` / `storage:cleanup-multipart`. Each returns the line it reports.
 */

/** Unconfirmed photo uploads, stale quarantined objects and abandoned invoice PDFs, older than `staleAfterSeconds`. */
export async function cleanupStorage(staleAfterSeconds: number): Promise<string> {
  const photos = await cleanupAvatarStorage({ staleAfterSeconds });
  const invoices = await cleanupPendingInvoices({ staleAfterSeconds });
  const minutes = staleAfterSeconds / 60;
  return [
    `Removed ${photos.expiredUploads} expired photo upload(s) and ${photos.staleObjects} stale quarantined object(s) older than ${minutes} min.`,
    `Removed ${invoices} invoice(s) whose PDF upload was abandoned over ${minutes} min ago.`,
  ].join('\n');
}

/** Library uploads idle for LIBRARY_ABANDONED_UPLOAD_HOURS: aborted in S3 and forgotten. */
export async function cleanupMultipartUploads(): Promise<string> {
  const hours = env.LIBRARY_ABANDONED_UPLOAD_HOURS;
  const result = await cleanupAbandonedUploads(hours);
  return `Forgot ${result.forgotten.length} abandoned upload(s); aborted ${result.orphansAborted} untracked multipart upload(s) (idle more than ${hours} h).`;
}

/** Expired sign-in links and ended sessions, and throttle records past their window. */
export async function cleanupRecords(): Promise<string> {
  const removed = await cleanupExpiredRecords();
  return `Removed ${removed.signInLinks} expired sign-in link(s), ${removed.endedSessions} ended session(s) past their expiry, ${removed.linkRequests} link request(s) and ${removed.loginAttempts} sign-in attempt(s) past their throttle window.`;
}

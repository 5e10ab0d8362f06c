import 'server-only';
import { db } from '@/lib/db';
import { auditor } from '@/lib/dal/audit';
import { listQuarantinedBefore } from '@/lib/storage/avatars';
import { deleteObject, deleteObjects } from '@/lib/storage/objects';
import { ttlSeconds } from '@/lib/storage/ttl';

// A background task: no actor, no request.
const audit = auditor(null);

// Kept apart from lib/dal/avatars.ts: the cleanup task runs outside Next, where the session module
// (and the navigation helpers it imports) cannot load.

/**
 * A form may be used until its expiry; the upload it started may still be arriving then. Confirm
 * accepts it for this much longer, and the cleanup leaves it alone as long.
 */
export const CONFIRM_GRACE_SECONDS = 120;

/** Quarantined objects older than this are removed by the cleanup task unless an upload still waits for them. */
export const DEFAULT_STALE_QUARANTINE_SECONDS = 60 * 60;

export interface CleanupReport {
  expiredUploads: number;
  staleObjects: number;
}

/**
 * For the `storage:cleanup` task (no user: it runs as the system). Removes uploads nobody confirmed
 * in time, with their quarantined objects, and any quarantined object older than `staleAfterSeconds`
 * that no pending upload waits for (left by a crash between steps, or by a deleted row).
 */
export async function cleanupAvatarStorage(
  options: { now?: Date; staleAfterSeconds?: number } = {},
): Promise<CleanupReport> {
  const now = options.now ?? new Date();
  const staleAfterSeconds = options.staleAfterSeconds ?? DEFAULT_STALE_QUARANTINE_SECONDS;
  const minimum = ttlSeconds('upload') + CONFIRM_GRACE_SECONDS;
  if (staleAfterSeconds < minimum)
    throw new RangeError(
      `the stale threshold must be at least ${minimum} s (upload TTL plus confirm grace), or uploads in progress would be deleted`,
    );

  const expired = await db.avatarUpload.findMany({
    where: { expiresAt: { lt: new Date(now.getTime() - CONFIRM_GRACE_SECONDS * 1000) } },
    select: { id: true, key: true },
  });
  for (const upload of expired) {
    await deleteObject(upload.key);
    await db.avatarUpload.deleteMany({ where: { id: upload.id } });
  }

  const old = await listQuarantinedBefore(new Date(now.getTime() - staleAfterSeconds * 1000));
  const pending = new Set(
    (await db.avatarUpload.findMany({ where: { key: { in: old } }, select: { key: true } })).map((u) => u.key),
  );
  const stale = old.filter((key) => !pending.has(key));
  await deleteObjects(stale);

  const report = { expiredUploads: expired.length, staleObjects: stale.length };
  if (report.expiredUploads || report.staleObjects) {
    await audit('avatar.cleanup', 'changed', null, { detail: { ...report } });
  }
  return report;
}

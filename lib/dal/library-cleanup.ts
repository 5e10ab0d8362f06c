import 'server-only';
import { db } from '@/lib/db';
import { auditor } from '@/lib/dal/audit';
import { keys, PREFIX } from '@/lib/storage/keys';
import { abortMultipartUpload, abortStaleMultipartUploads } from '@/lib/storage/multipart';
import { deleteObject } from '@/lib/storage/objects';

// A background task: no actor, no request.
const audit = auditor(null);

// The file library's cleanup, a system task with no session: kept apart from library-files.ts so
// that the cron script loads no auth code.

export interface CleanupResult {
  /** Library records of uploads idle too long, removed with their parts or object. */
  forgotten: string[];
  /** Multipart uploads in S3 that no record tracked (a crash between create and record, say), aborted. */
  orphansAborted: number;
}

/**
 * Run by `npm run storage:cleanup-multipart`: uploads with no activity (no part signed) for
 * `idleHours` are aborted in S3 and forgotten (releasing their quota reservation); then any
 * multipart upload under library/ that no record tracks and that is as old is aborted too.
 */
export async function cleanupAbandonedUploads(idleHours: number, now: Date = new Date()): Promise<CleanupResult> {
  const idleSince = new Date(now.getTime() - idleHours * 3_600_000);
  const stale = await db.libraryFile.findMany({
    where: { status: 'UPLOADING', updatedAt: { lt: idleSince } },
    select: { id: true, objectKey: true, multipartUploadId: true },
  });
  for (const file of stale) {
    if (file.multipartUploadId) await abortMultipartUpload(file.objectKey, file.multipartUploadId);
    else await deleteObject(keys.libraryFileUpload(file.id));
    await deleteObject(file.objectKey);
    await db.libraryFile.delete({ where: { id: file.id } });
    await audit('library.upload.abort', 'changed', file.id, { detail: { reason: `no activity for ${idleHours} h` } });
  }
  const tracked = await db.libraryFile.findMany({
    where: { status: 'UPLOADING', multipartUploadId: { not: null } },
    select: { multipartUploadId: true },
  });
  const orphans = await abortStaleMultipartUploads({
    prefix: PREFIX.library,
    startedBefore: idleSince,
    keep: new Set(tracked.map((r) => r.multipartUploadId!)),
  });
  return { forgotten: stale.map((f) => f.id), orphansAborted: orphans.length };
}

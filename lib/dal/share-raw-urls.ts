import 'server-only';
import { db } from '@/lib/db';
import { auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { requireAdmin } from '@/lib/dal/session';
import type { RequestContext } from '@/lib/request-context';
import { shareStatus } from '@/lib/shares/link-state';
import { presignGet } from '@/lib/storage/presign';
import { ttlSeconds as policyTtlSeconds } from '@/lib/storage/ttl';

/** The longest a raw pre-signed URL may live: the 'rawShare' TTL policy (TTL_RAW_SHARE_SECONDS, at most 7 days). */
export function rawUrlMaxSeconds(): number {
  return policyTtlSeconds('rawShare');
}

export interface RawUrl {
  url: string;
  expiresAt: Date;
  fileName: string;
}

/**
 * A bare pre-signed GET for one file of an active share, for partners who need a plain S3 URL.
 * Unlike share links it cannot be revoked: it works for anyone who holds it until it expires (or
 * until the signing credentials do). The admin is warned before; the issue is audited.
 */
export async function issueRawUrl(
  shareId: string,
  fileId: string,
  ttlSeconds: number,
  context?: RequestContext,
): Promise<RawUrl> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  const share = await db.share.findUnique({ where: { id: shareId }, select: { revokedAt: true, expiresAt: true } });
  if (!share) throw new DalError('This share no longer exists.');
  if (shareStatus(share) !== 'active')
    throw new DalError('This share is no longer active; raw URLs are only issued for active shares.');
  const inShare = await db.shareFile.findUnique({
    where: { shareId_fileId: { shareId, fileId } },
    select: { file: { select: { id: true, name: true, objectKey: true, contentType: true, status: true } } },
  });
  if (!inShare || inShare.file.status !== 'READY') throw new DalError('This file is not in the share.');
  const max = rawUrlMaxSeconds();
  if (ttlSeconds > max) throw new DalError(`Raw URLs may live at most ${max} seconds here (TTL_RAW_SHARE_SECONDS).`);
  const { file } = inShare;
  const signed = await presignGet(file.objectKey, {
    purpose: 'rawShare',
    ttlSeconds,
    downloadName: file.name,
    responseContentType: file.contentType,
  });
  await audit('share.raw-url', 'granted', file.id, { urlExpiresAt: signed.expiresAt, detail: { shareId, ttlSeconds } });
  return { url: signed.url, expiresAt: signed.expiresAt, fileName: file.name };
}

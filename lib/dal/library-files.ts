import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { type AuditRecorder, auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { countCapped, keysetArgs, type CappedCount, type KeysetCursors, type KeysetQuery } from '@/lib/dal/keyset';
import { currentUser, requireAdmin, type SessionUser } from '@/lib/dal/session';
import type { LibraryFileStatus, LibraryScope } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RequestContext } from '@/lib/request-context';
import { keys } from '@/lib/storage/keys';
import {
  expectedPartSize,
  libraryLimits,
  normalizeContentType,
  planUpload,
  sanitizeFileName,
} from '@/lib/storage/library';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listUploadedParts,
} from '@/lib/storage/multipart';
import { noncurrentVersionGoneBy } from '@/lib/storage/lifecycle';
import { deleteObject, headObject, type ObjectHead, promoteUpload } from '@/lib/storage/objects';
import { presignGet, presignPut, presignUploadPart } from '@/lib/storage/presign';
import { describeError, isStoreUnreachable, STORE_UNREACHABLE_MESSAGE } from '@/lib/storage/security/store';
import { formatBytes } from '@/lib/format';
import { shareDeletionBlocker } from '@/lib/dal/shares';

/**
 * Runs one storage call of an upload step; a refusal or fault of the store becomes a message that
 * names the step and the store's own reason (never "check your connection": the server reached it).
 */
async function storageStep<T>(step: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isStoreUnreachable(error)) throw new DalError(`${STORE_UNREACHABLE_MESSAGE} (Storage could not ${step}.)`);
    throw new DalError(`Storage could not ${step}: ${describeError(error)}.`);
  }
}

export interface LibraryFileDto {
  id: string;
  name: string;
  sizeBytes: number;
  contentType: string;
  status: LibraryFileStatus;
  uploadedBy: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

const dtoSelect = {
  id: true,
  name: true,
  sizeBytes: true,
  contentType: true,
  status: true,
  createdAt: true,
  completedAt: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.LibraryFileSelect;

function toDto(row: Prisma.LibraryFileGetPayload<{ select: typeof dtoSelect }>): LibraryFileDto {
  return {
    id: row.id,
    name: row.name,
    sizeBytes: Number(row.sizeBytes),
    contentType: row.contentType,
    status: row.status,
    uploadedBy: row.uploadedBy?.name ?? null,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}

/** The library a user works in. Only admins have one today; another role would map to its own scope. */
function scopeOf(user: SessionUser): LibraryScope {
  if (user.role !== 'ADMIN') throw new Error('only admins have a file library'); // callers ran requireAdmin()
  return 'ADMIN';
}

// ── Listing ──────────────────────────────────────────────────────────────────────────────────

export const SORT_COLUMNS = { name: 'name', size: 'sizeBytes', date: 'createdAt' } as const;
export type SortKey = keyof typeof SORT_COLUMNS;

export interface ListQuery extends KeysetQuery {
  search?: string;
  sort?: SortKey;
  direction?: 'asc' | 'desc';
}

export interface LibraryPage extends KeysetCursors {
  files: LibraryFileDto[];
  total: CappedCount;
}

/** One page of the library, by keyset (lib/dal/keyset.ts) on the (scope, column, id) indexes. */
export async function listLibraryFiles(query: ListQuery = {}): Promise<LibraryPage> {
  const user = await requireAdmin();
  const column = SORT_COLUMNS[query.sort ?? 'date'];
  const direction = query.direction ?? (query.sort && query.sort !== 'date' ? 'asc' : 'desc');
  const search = query.search?.trim().slice(0, 200);
  const where: Prisma.LibraryFileWhereInput = {
    scope: scopeOf(user),
    ...(search ? { name: { contains: search, mode: 'insensitive' } } : {}),
  };
  const orderBy = [{ [column]: direction }, { id: direction }] as Prisma.LibraryFileOrderByWithRelationInput[];
  // 25 rows: each carries its actions (download, share, delete), and a page stays under 200 KiB.
  const keyset = keysetArgs(query, 25);
  const [rows, total] = await Promise.all([
    db.libraryFile.findMany({ where, orderBy, select: dtoSelect, ...keyset.find }),
    countCapped((limit) => db.libraryFile.count({ where, ...limit })),
  ]);
  const { rows: page, ...cursors } = keyset.page(rows);
  return { files: page.map(toDto), total, ...cursors };
}

export interface LibraryUsage {
  usedBytes: number;
  quotaBytes: number;
  maxFileBytes: number;
}

/** The signed-in admin's storage use against their quota, for the upload area. */
export async function libraryUsage(): Promise<LibraryUsage> {
  const user = await requireAdmin();
  const { quotaBytes, maxFileBytes } = libraryLimits();
  return { usedBytes: await bytesHeldBy(db, user.id), quotaBytes, maxFileBytes };
}

// ── Uploads ──────────────────────────────────────────────────────────────────────────────────

export interface LibraryFileUploadInput {
  name: string;
  sizeBytes: number;
  contentType: string;
}

export type UploadStart =
  | { fileId: string; kind: 'single'; url: string; headers: Record<string, string> }
  | { fileId: string; kind: 'multipart'; partSize: number; partCount: number; uploadedParts: number[] };

/** Bytes this uploader holds or has reserved (files being uploaded count at their declared size). */
async function bytesHeldBy(tx: Prisma.TransactionClient, userId: string, excludeFileId?: string): Promise<number> {
  const sum = await tx.libraryFile.aggregate({
    where: { uploadedById: userId, ...(excludeFileId ? { id: { not: excludeFileId } } : {}) },
    _sum: { sizeBytes: true },
  });
  return Number(sum._sum.sizeBytes ?? 0);
}

/** Serialises quota decisions per uploader, so two uploads started at once cannot both squeeze in. */
async function lockUploader(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`library-quota:${userId}`}))`;
}

function quotaMessage(usedBytes: number, quotaBytes: number): string {
  return `This would exceed your storage quota (${formatBytes(usedBytes)} of ${formatBytes(quotaBytes)} used). Delete files you no longer need, or ask for a larger quota.`;
}

/**
 * Starts an upload: checks the size against the per-file limit and the uploader's quota (reserving
 * the declared size), records the file as UPLOADING, and returns either one pre-signed PUT (small
 * files) or the part layout of a new multipart upload (parts are signed one by one later).
 */
export async function createLibraryFileUpload(
  input: LibraryFileUploadInput,
  context?: RequestContext,
): Promise<UploadStart> {
  const user = await requireAdmin();
  const audit = auditor(user.id, context);
  const limits = libraryLimits();
  const name = sanitizeFileName(input.name);
  const contentType = normalizeContentType(input.contentType);
  const refuse = async (message: string): Promise<never> => {
    await audit('library.upload.create', 'refused', null, {
      detail: { name, sizeBytes: input.sizeBytes, reason: message },
    });
    throw new DalError(message);
  };
  if (!Number.isSafeInteger(input.sizeBytes) || input.sizeBytes < 0) await refuse(`“${name}” has no valid size.`);
  if (input.sizeBytes === 0) await refuse(`“${name}” is empty (0 bytes): there is nothing to upload.`);
  if (input.sizeBytes > limits.maxFileBytes)
    await refuse(
      `“${name}” is ${formatBytes(input.sizeBytes)}; files may be at most ${formatBytes(limits.maxFileBytes)}.`,
    );

  const id = randomUUID().replaceAll('-', '');
  const objectKey = keys.libraryFile(id);
  const plan = planUpload(input.sizeBytes, limits);
  const quotaRefusal = await db.$transaction(async (tx) => {
    await lockUploader(tx, user.id);
    const used = await bytesHeldBy(tx, user.id);
    if (used + input.sizeBytes > limits.quotaBytes) return quotaMessage(used, limits.quotaBytes);
    await tx.libraryFile.create({
      data: {
        id,
        scope: scopeOf(user),
        name,
        sizeBytes: BigInt(input.sizeBytes),
        contentType,
        objectKey,
        uploadedById: user.id,
        partSize: plan.kind === 'multipart' ? plan.partSize : null,
      },
    });
    return null;
  });
  if (quotaRefusal) await refuse(quotaRefusal);

  try {
    if (plan.kind === 'multipart') {
      const uploadId = await storageStep('start the upload', () => createMultipartUpload(objectKey, contentType));
      await db.libraryFile.update({ where: { id }, data: { multipartUploadId: uploadId } });
      await audit('library.upload.create', 'changed', id, {
        detail: { name, sizeBytes: input.sizeBytes, kind: plan.kind },
      });
      return { fileId: id, kind: 'multipart', partSize: plan.partSize, partCount: plan.partCount, uploadedParts: [] };
    }
    const signed = await presignPut(keys.libraryFileUpload(id), { contentType });
    await audit('library.upload.create', 'changed', id, {
      urlExpiresAt: signed.expiresAt,
      detail: { name, sizeBytes: input.sizeBytes, kind: plan.kind },
    });
    return { fileId: id, kind: 'single', url: signed.url, headers: { 'Content-Type': contentType } };
  } catch (error) {
    await db.libraryFile.delete({ where: { id } });
    throw error;
  }
}

/** The caller's own unfinished upload, or a refusal that names no one else's files. */
async function ownUpload(user: SessionUser, fileId: string) {
  const file = await db.libraryFile.findFirst({
    where: { id: fileId, scope: scopeOf(user), uploadedById: user.id, status: 'UPLOADING' },
  });
  if (!file)
    throw new DalError('This upload no longer exists (it was finished, cancelled or cleaned up). Start it again.');
  return file;
}

function partCountOf(file: { sizeBytes: bigint; partSize: number | null }): number {
  return file.partSize ? Math.ceil(Number(file.sizeBytes) / file.partSize) : 1;
}

/** A pre-signed URL for one part of the caller's own multipart upload, signed now, as the part starts. */
export async function signLibraryFileUploadPart(
  fileId: string,
  partNumber: number,
  context?: RequestContext,
): Promise<{ url: string; expiresAt: Date }> {
  const user = await requireAdmin();
  const audit = auditor(user.id, context);
  const file = await ownUpload(user, fileId);
  if (!file.multipartUploadId || !file.partSize) throw new DalError('This upload is sent in one piece, not in parts.');
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > partCountOf(file))
    throw new DalError(`Part ${partNumber} is not part of this upload.`);
  const signed = await presignUploadPart(file.objectKey, file.multipartUploadId, partNumber);
  // Touching updatedAt marks the upload as alive for the cleanup task.
  await db.libraryFile.update({ where: { id: file.id }, data: { updatedAt: new Date() } });
  await audit('library.upload.sign-part', 'granted', file.id, {
    urlExpiresAt: signed.expiresAt,
    detail: { partNumber },
  });
  return signed;
}

/** Forgets an upload that S3 no longer has (aborted by the cleanup task, the lifecycle rule or another client). */
async function forgetVanishedUpload(fileId: string, audit: AuditRecorder): Promise<never> {
  await db.libraryFile.delete({ where: { id: fileId } });
  await audit('library.upload.abort', 'changed', fileId, { detail: { reason: 'parts no longer in storage' } });
  throw new DalError(
    'Storage no longer holds this upload: its parts were removed (cleaned up after being unfinished too long, or aborted elsewhere). Upload the file again.',
  );
}

/**
 * Picks an unfinished upload up again (after a reload, a crash, a pause): for parts, what S3
 * already holds (ListParts), so only the missing parts are sent; for a single PUT, a fresh URL.
 */
export async function resumeLibraryFileUpload(fileId: string, context?: RequestContext): Promise<UploadStart> {
  const user = await requireAdmin();
  const audit = auditor(user.id, context);
  const file = await ownUpload(user, fileId);
  if (!file.multipartUploadId || !file.partSize) {
    const signed = await presignPut(keys.libraryFileUpload(file.id), { contentType: file.contentType });
    await audit('library.upload.resume', 'granted', fileId, { urlExpiresAt: signed.expiresAt });
    return { fileId, kind: 'single', url: signed.url, headers: { 'Content-Type': file.contentType } };
  }
  const parts = await storageStep('list the parts it holds', () =>
    listUploadedParts(file.objectKey, file.multipartUploadId!),
  );
  if (!parts) return forgetVanishedUpload(fileId, audit);
  const size = Number(file.sizeBytes);
  const complete = parts
    .filter((p) => p.size === expectedPartSize(p.partNumber, size, file.partSize!))
    .map((p) => p.partNumber);
  await audit('library.upload.resume', 'granted', fileId, { detail: { partsInStorage: complete.length } });
  return { fileId, kind: 'multipart', partSize: file.partSize, partCount: partCountOf(file), uploadedParts: complete };
}

/**
 * Removes an unfinished upload, in S3 and here, so it stops counting against the quota. The row goes
 * even when the store refuses the abort: storage:cleanup-multipart aborts uploads no row tracks, so
 * nothing is left behind for good, and a row that can never be removed would be a ghost. Returns the
 * store's reason when the abort was left to the cleanup task.
 */
async function removeUnfinishedUpload(file: {
  id: string;
  objectKey: string;
  multipartUploadId: string | null;
}): Promise<string | undefined> {
  let deferred: string | undefined;
  try {
    if (file.multipartUploadId) await abortMultipartUpload(file.objectKey, file.multipartUploadId);
    else await deleteObject(keys.libraryFileUpload(file.id));
    await deleteObject(file.objectKey);
  } catch (error) {
    deferred = describeError(error);
  }
  await db.libraryFile.delete({ where: { id: file.id } });
  return deferred;
}

/** Removes an upload that cannot become a valid file, in S3 and here, and says why. */
async function discardUpload(
  file: { id: string; objectKey: string; multipartUploadId: string | null },
  reason: string,
  audit: AuditRecorder,
): Promise<never> {
  const abortDeferred = await removeUnfinishedUpload(file);
  await audit('library.upload.complete', 'refused', file.id, { detail: { reason, abortDeferred } });
  throw new DalError(reason);
}

/**
 * A file sent in one PUT is written to its upload key; once it is there at the declared size, it is
 * moved to the file's key (pinned to the ETag just seen), where no upload URL can replace it. Null
 * while nothing has arrived; 'changed' when the upload was replaced during the move.
 */
async function promoteSingleUpload(file: {
  id: string;
  objectKey: string;
  contentType: string;
  sizeBytes: bigint;
}): Promise<ObjectHead | 'changed' | null> {
  const uploadKey = keys.libraryFileUpload(file.id);
  const upload = await storageStep('check the stored file', () => headObject(uploadKey));
  // A file of the wrong size stays where it is: the caller discards it together with its upload.
  if (!upload || upload.size !== Number(file.sizeBytes)) return upload;
  const moved = await storageStep('move the file into place', () =>
    promoteUpload(uploadKey, file.objectKey, { etag: upload.etag, contentType: file.contentType }),
  );
  return moved ?? 'changed';
}

/**
 * Finishes an upload, trusting S3 alone: for parts, ListParts must show every part at its exact
 * size (so the total is the declared size) before CompleteMultipartUpload; then HeadObject must
 * report the declared size, and the uploader's quota is checked again with the real bytes. Only
 * then is the file READY.
 */
export async function completeLibraryFileUpload(fileId: string, context?: RequestContext): Promise<LibraryFileDto> {
  const user = await requireAdmin();
  const audit = auditor(user.id, context);
  const ready = await db.libraryFile.findFirst({
    where: { id: fileId, scope: scopeOf(user), uploadedById: user.id, status: 'READY' },
    select: dtoSelect,
  });
  if (ready) return toDto(ready); // a repeated "complete" (a retry after a lost answer) is not an error
  const file = await ownUpload(user, fileId);
  const declared = Number(file.sizeBytes);
  const mismatch = `“${file.name}” did not arrive as declared (${formatBytes(declared)}): the file changed or the upload was tampered with. Upload it again.`;

  if (file.multipartUploadId && file.partSize) {
    const parts = await storageStep('list the parts it holds', () =>
      listUploadedParts(file.objectKey, file.multipartUploadId!),
    );
    if (!parts) return forgetVanishedUpload(fileId, audit);
    const count = partCountOf(file);
    const wrong = parts.filter(
      (p) => p.partNumber > count || p.size !== expectedPartSize(p.partNumber, declared, file.partSize!),
    );
    if (wrong.length) return discardUpload(file, mismatch, audit);
    if (parts.length < count)
      throw new DalError(
        `${count - parts.length} of ${count} parts of “${file.name}” have not arrived yet. Resume the upload.`,
      );
    await storageStep('join the parts into the file', () =>
      completeMultipartUpload(file.objectKey, file.multipartUploadId!, parts),
    );
  }
  const stored = file.multipartUploadId
    ? await storageStep('check the stored file', () => headObject(file.objectKey))
    : await promoteSingleUpload(file);
  if (stored === null) throw new DalError(`“${file.name}” has not arrived in storage yet. Resume the upload.`);
  if (stored === 'changed' || stored.size !== declared) return discardUpload(file, mismatch, audit);

  const limits = libraryLimits();
  const quotaRefusal = await db.$transaction(async (tx) => {
    await lockUploader(tx, user.id);
    const others = await bytesHeldBy(tx, user.id, file.id);
    if (others + stored.size > limits.quotaBytes || stored.size > limits.maxFileBytes)
      return quotaMessage(others, limits.quotaBytes);
    await tx.libraryFile.update({
      where: { id: file.id },
      data: { status: 'READY', multipartUploadId: null, completedAt: new Date() },
    });
    return null;
  });
  if (quotaRefusal) return discardUpload({ ...file, multipartUploadId: null }, quotaRefusal, audit);
  await audit('library.upload.complete', 'changed', file.id, { detail: { sizeBytes: stored.size } });
  return toDto(await db.libraryFile.findUniqueOrThrow({ where: { id: file.id }, select: dtoSelect }));
}

/** Cancels the caller's own unfinished upload: aborts it in S3 (freeing its parts) and forgets it. */
export async function abortLibraryFileUpload(fileId: string, context?: RequestContext): Promise<void> {
  const user = await requireAdmin();
  const audit = auditor(user.id, context);
  const file = await ownUpload(user, fileId);
  const abortDeferred = await removeUnfinishedUpload(file);
  await audit('library.upload.abort', 'changed', file.id, { detail: { name: file.name, abortDeferred } });
}

// ── Managing files ───────────────────────────────────────────────────────────────────────────

async function fileInScope(user: SessionUser, fileId: string) {
  const file = await db.libraryFile.findFirst({ where: { id: fileId, scope: scopeOf(user) } });
  if (!file) throw new DalError('This file no longer exists. Reload the page.');
  return file;
}

export async function renameLibraryFile(
  fileId: string,
  newName: string,
  context?: RequestContext,
): Promise<LibraryFileDto> {
  const user = await requireAdmin();
  const audit = auditor(user.id, context);
  const file = await fileInScope(user, fileId);
  const name = sanitizeFileName(newName);
  if (!newName.trim()) throw new DalError('Enter a name.');
  const updated = await db.libraryFile.update({ where: { id: file.id }, data: { name }, select: dtoSelect });
  await audit('library.rename', 'changed', file.id, { detail: { from: file.name, to: name } });
  return toDto(updated);
}

/** Deletes a file: its object in S3 first (an unfinished one: its open multipart upload), then its record. */
export async function deleteLibraryFile(fileId: string, context?: RequestContext): Promise<void> {
  const user = await requireAdmin();
  const audit = auditor(user.id, context);
  const file = await fileInScope(user, fileId);
  const blocker = await shareDeletionBlocker(file.id); // a file in an active share must not vanish under a partner's link
  if (blocker) {
    await audit('library.delete', 'refused', file.id, { detail: { reason: blocker } });
    throw new DalError(blocker);
  }
  let abortDeferred: string | undefined;
  let bytesGoneBy = new Date();
  if (file.status === 'UPLOADING') abortDeferred = await removeUnfinishedUpload(file);
  else {
    // A ready file keeps its row until its object is gone: no cleanup task would find the object later.
    const { deleteMarker } = await storageStep('delete the file', () => deleteObject(file.objectKey));
    await db.libraryFile.delete({ where: { id: file.id } });
    if (deleteMarker) bytesGoneBy = noncurrentVersionGoneBy(bytesGoneBy, env.S3_NONCURRENT_VERSION_DAYS);
  }
  await audit('library.delete', 'changed', file.id, {
    detail: {
      name: file.name,
      sizeBytes: Number(file.sizeBytes),
      abortDeferred,
      bytesGoneBy: bytesGoneBy.toISOString(),
    },
  });
}

export type DownloadDecision =
  { outcome: 'granted'; url: string } | { outcome: 'forbidden' } | { outcome: 'not-found' };

/**
 * For the download route: a pre-signed GET for a READY file, always as an attachment under its
 * display name (whatever its type, the browser saves it rather than rendering it).
 */
export async function libraryFileDownload(fileId: string, context?: RequestContext): Promise<DownloadDecision> {
  const user = await currentUser();
  if (!user) return { outcome: 'not-found' };
  const audit = auditor(user.id, context);
  if (user.role !== 'ADMIN') {
    await audit('library.download', 'refused', fileId, { detail: { reason: 'not an admin' } });
    return { outcome: 'forbidden' };
  }
  const file = await db.libraryFile.findFirst({ where: { id: fileId, scope: scopeOf(user), status: 'READY' } });
  if (!file) return { outcome: 'not-found' };
  const signed = await presignGet(file.objectKey, { purpose: 'download', downloadName: file.name });
  await audit('library.download', 'granted', file.id, { urlExpiresAt: signed.expiresAt });
  return { outcome: 'granted', url: signed.url };
}

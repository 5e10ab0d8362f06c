import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { ActionState } from '@/lib/action-state';
import { recordAudit } from '@/lib/dal/audit';
import { currentUser, requireAdmin, type SessionUser } from '@/lib/dal/session';
import type { LibraryFileStatus, LibraryScope } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RequestContext } from '@/lib/request-context';
import { keys } from '@/lib/storage/keys';
import { expectedPartSize, libraryLimits, normalizeContentType, planUpload, sanitizeFileName } from '@/lib/storage/library';
import { abortMultipartUpload, completeMultipartUpload, createMultipartUpload, listUploadedParts } from '@/lib/storage/multipart';
import { deleteObject, headObject } from '@/lib/storage/objects';
import { presignGet, presignPut, presignUploadPart } from '@/lib/storage/presign';
import { describeError } from '@/lib/storage/security/store';
import { formatBytes } from '@/lib/format';
import { shareDeletionBlocker } from '@/lib/dal/shares';

/** A refusal the person uploading can act on; actions turn it into an error ActionState. */
export class LibraryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryFileError';
  }
}

/**
 * Runs one storage call of an upload step; a refusal or fault of the store becomes a message that
 * names the step and the store's own reason (never "check your connection": the server reached it).
 */
async function storageStep<T>(step: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new LibraryFileError(`Storage could not ${step}: ${describeError(error)}.`);
  }
}

/** Runs DAL work for an action: its result as success, a LibraryFileError as an error message. */
export async function libraryActionState<T>(work: () => Promise<T>): Promise<ActionState<T>> {
  try {
    return { status: 'success', data: await work() };
  } catch (error) {
    if (error instanceof LibraryFileError) return { status: 'error', message: error.message };
    throw error; // forbidden(), redirect() and real faults keep their own handling
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

export interface ListQuery {
  search?: string;
  sort?: SortKey;
  direction?: 'asc' | 'desc';
  /** Keyset cursors: the id of the last row of the previous page, or the first row of the next one. */
  after?: string;
  before?: string;
  pageSize?: number;
}

export interface LibraryPage {
  files: LibraryFileDto[];
  total: number;
  /** Cursors for the neighbouring pages; null at either end. */
  nextAfter: string | null;
  previousBefore: string | null;
}

/**
 * One page of the library, by keyset: ORDER BY (column, id) and a cursor row, so the database walks
 * the (scope, column, id) index from the cursor instead of counting past an OFFSET.
 */
export async function listLibraryFiles(query: ListQuery = {}): Promise<LibraryPage> {
  const user = await requireAdmin();
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 200);
  const column = SORT_COLUMNS[query.sort ?? 'date'];
  const direction = query.direction ?? (query.sort && query.sort !== 'date' ? 'asc' : 'desc');
  const search = query.search?.trim().slice(0, 200);
  const where: Prisma.LibraryFileWhereInput = { scope: scopeOf(user), ...(search ? { name: { contains: search, mode: 'insensitive' } } : {}) };
  const orderBy = [{ [column]: direction }, { id: direction }] as Prisma.LibraryFileOrderByWithRelationInput[];
  const cursorId = query.before ?? query.after;
  const backwards = Boolean(query.before);

  const [rows, total] = await Promise.all([
    db.libraryFile.findMany({
      where,
      orderBy,
      select: dtoSelect,
      take: backwards ? -(pageSize + 1) : pageSize + 1,
      ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
    }),
    db.libraryFile.count({ where }),
  ]);
  const more = rows.length > pageSize;
  const page = backwards ? rows.slice(more ? 1 : 0) : rows.slice(0, pageSize);
  const hasNext = backwards ? true : more;
  const hasPrevious = backwards ? more : Boolean(cursorId);
  return {
    files: page.map(toDto),
    total,
    nextAfter: hasNext && page.length ? page.at(-1)!.id : null,
    previousBefore: hasPrevious && page.length ? page[0].id : null,
  };
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

export interface CreateUploadInput {
  name: string;
  sizeBytes: number;
  contentType: string;
}

export type UploadStart =
  | { fileId: string; kind: 'single'; url: string; headers: Record<string, string> }
  | { fileId: string; kind: 'multipart'; partSize: number; partCount: number; uploadedParts: number[] };

/** Bytes this uploader holds or has reserved (files being uploaded count at their declared size). */
async function bytesHeldBy(tx: Prisma.TransactionClient, userId: string, excludeFileId?: string): Promise<number> {
  const sum = await tx.libraryFile.aggregate({ where: { uploadedById: userId, ...(excludeFileId ? { id: { not: excludeFileId } } : {}) }, _sum: { sizeBytes: true } });
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
export async function createFileUpload(input: CreateUploadInput, context?: RequestContext): Promise<UploadStart> {
  const user = await requireAdmin();
  const limits = libraryLimits();
  const name = sanitizeFileName(input.name);
  const contentType = normalizeContentType(input.contentType);
  const refuse = async (message: string): Promise<never> => {
    await recordAudit({ actorId: user.id, action: 'library.upload.create', outcome: 'refused', subjectType: 'LibraryFile', context, detail: { name, sizeBytes: input.sizeBytes, reason: message } });
    throw new LibraryFileError(message);
  };
  if (!Number.isSafeInteger(input.sizeBytes) || input.sizeBytes < 0) await refuse(`“${name}” has no valid size.`);
  if (input.sizeBytes === 0) await refuse(`“${name}” is empty (0 bytes): there is nothing to upload.`);
  if (input.sizeBytes > limits.maxFileBytes) await refuse(`“${name}” is ${formatBytes(input.sizeBytes)}; files may be at most ${formatBytes(limits.maxFileBytes)}.`);

  const id = randomUUID().replaceAll('-', '');
  const objectKey = keys.libraryFile(id);
  const plan = planUpload(input.sizeBytes, limits);
  const quotaRefusal = await db.$transaction(async (tx) => {
    await lockUploader(tx, user.id);
    const used = await bytesHeldBy(tx, user.id);
    if (used + input.sizeBytes > limits.quotaBytes) return quotaMessage(used, limits.quotaBytes);
    await tx.libraryFile.create({
      data: { id, scope: scopeOf(user), name, sizeBytes: BigInt(input.sizeBytes), contentType, objectKey, uploadedById: user.id, partSize: plan.kind === 'multipart' ? plan.partSize : null },
    });
    return null;
  });
  if (quotaRefusal) await refuse(quotaRefusal);

  try {
    if (plan.kind === 'multipart') {
      const uploadId = await storageStep('start the upload', () => createMultipartUpload(objectKey, contentType));
      await db.libraryFile.update({ where: { id }, data: { multipartUploadId: uploadId } });
      await recordAudit({ actorId: user.id, action: 'library.upload.create', outcome: 'changed', subjectType: 'LibraryFile', subjectId: id, context, detail: { name, sizeBytes: input.sizeBytes, kind: plan.kind } });
      return { fileId: id, kind: 'multipart', partSize: plan.partSize, partCount: plan.partCount, uploadedParts: [] };
    }
    const signed = await presignPut(objectKey, { contentType });
    await recordAudit({ actorId: user.id, action: 'library.upload.create', outcome: 'changed', subjectType: 'LibraryFile', subjectId: id, urlExpiresAt: signed.expiresAt, context, detail: { name, sizeBytes: input.sizeBytes, kind: plan.kind } });
    return { fileId: id, kind: 'single', url: signed.url, headers: { 'Content-Type': contentType } };
  } catch (error) {
    await db.libraryFile.delete({ where: { id } });
    throw error;
  }
}

/** The caller's own unfinished upload, or a refusal that names no one else's files. */
async function ownUpload(user: SessionUser, fileId: string) {
  const file = await db.libraryFile.findFirst({ where: { id: fileId, scope: scopeOf(user), uploadedById: user.id, status: 'UPLOADING' } });
  if (!file) throw new LibraryFileError('This upload no longer exists (it was finished, cancelled or cleaned up). Start it again.');
  return file;
}

function partCountOf(file: { sizeBytes: bigint; partSize: number | null }): number {
  return file.partSize ? Math.ceil(Number(file.sizeBytes) / file.partSize) : 1;
}

/** A pre-signed URL for one part of the caller's own multipart upload, signed now, as the part starts. */
export async function signUploadPart(fileId: string, partNumber: number, context?: RequestContext): Promise<{ url: string; expiresAt: Date }> {
  const user = await requireAdmin();
  const file = await ownUpload(user, fileId);
  if (!file.multipartUploadId || !file.partSize) throw new LibraryFileError('This upload is sent in one piece, not in parts.');
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > partCountOf(file)) throw new LibraryFileError(`Part ${partNumber} is not part of this upload.`);
  const signed = await presignUploadPart(file.objectKey, file.multipartUploadId, partNumber);
  // Touching updatedAt marks the upload as alive for the cleanup task.
  await db.libraryFile.update({ where: { id: file.id }, data: { updatedAt: new Date() } });
  await recordAudit({ actorId: user.id, action: 'library.upload.sign-part', outcome: 'granted', subjectType: 'LibraryFile', subjectId: file.id, urlExpiresAt: signed.expiresAt, context, detail: { partNumber } });
  return signed;
}

/** Forgets an upload that S3 no longer has (aborted by the cleanup task, the lifecycle rule or another client). */
async function forgetVanishedUpload(user: SessionUser, fileId: string, context?: RequestContext): Promise<never> {
  await db.libraryFile.delete({ where: { id: fileId } });
  await recordAudit({ actorId: user.id, action: 'library.upload.abort', outcome: 'changed', subjectType: 'LibraryFile', subjectId: fileId, context, detail: { reason: 'parts no longer in storage' } });
  throw new LibraryFileError('Storage no longer holds this upload: its parts were removed (cleaned up after being unfinished too long, or aborted elsewhere). Upload the file again.');
}

/**
 * Picks an unfinished upload up again (after a reload, a crash, a pause): for parts, what S3
 * already holds (ListParts), so only the missing parts are sent; for a single PUT, a fresh URL.
 */
export async function resumeFileUpload(fileId: string, context?: RequestContext): Promise<UploadStart> {
  const user = await requireAdmin();
  const file = await ownUpload(user, fileId);
  if (!file.multipartUploadId || !file.partSize) {
    const signed = await presignPut(file.objectKey, { contentType: file.contentType });
    await recordAudit({ actorId: user.id, action: 'library.upload.resume', outcome: 'granted', subjectType: 'LibraryFile', subjectId: fileId, urlExpiresAt: signed.expiresAt, context });
    return { fileId, kind: 'single', url: signed.url, headers: { 'Content-Type': file.contentType } };
  }
  const parts = await storageStep('list the parts it holds', () => listUploadedParts(file.objectKey, file.multipartUploadId!));
  if (!parts) return forgetVanishedUpload(user, fileId, context);
  const size = Number(file.sizeBytes);
  const complete = parts.filter((p) => p.size === expectedPartSize(p.partNumber, size, file.partSize!)).map((p) => p.partNumber);
  await recordAudit({ actorId: user.id, action: 'library.upload.resume', outcome: 'granted', subjectType: 'LibraryFile', subjectId: fileId, context, detail: { partsInStorage: complete.length } });
  return { fileId, kind: 'multipart', partSize: file.partSize, partCount: partCountOf(file), uploadedParts: complete };
}

/**
 * Removes an unfinished upload, in S3 and here, so it stops counting against the quota. The row goes
 * even when the store refuses the abort: storage:cleanup-multipart aborts uploads no row tracks, so
 * nothing is left behind for good, and a row that can never be removed would be a ghost. Returns the
 * store's reason when the abort was left to the cleanup task.
 */
async function removeUnfinishedUpload(file: { id: string; objectKey: string; multipartUploadId: string | null }): Promise<string | undefined> {
  let deferred: string | undefined;
  try {
    if (file.multipartUploadId) await abortMultipartUpload(file.objectKey, file.multipartUploadId);
    await deleteObject(file.objectKey);
  } catch (error) {
    deferred = describeError(error);
  }
  await db.libraryFile.delete({ where: { id: file.id } });
  return deferred;
}

/** Removes an upload that cannot become a valid file, in S3 and here, and says why. */
async function discardUpload(user: SessionUser, file: { id: string; objectKey: string; multipartUploadId: string | null }, reason: string, context?: RequestContext): Promise<never> {
  const abortDeferred = await removeUnfinishedUpload(file);
  await recordAudit({ actorId: user.id, action: 'library.upload.complete', outcome: 'refused', subjectType: 'LibraryFile', subjectId: file.id, context, detail: { reason, abortDeferred } });
  throw new LibraryFileError(reason);
}

/**
 * Finishes an upload, trusting S3 alone: for parts, ListParts must show every part at its exact
 * size (so the total is the declared size) before CompleteMultipartUpload; then HeadObject must
 * report the declared size, and the uploader's quota is checked again with the real bytes. Only
 * then is the file READY.
 */
export async function completeFileUpload(fileId: string, context?: RequestContext): Promise<LibraryFileDto> {
  const user = await requireAdmin();
  const ready = await db.libraryFile.findFirst({ where: { id: fileId, scope: scopeOf(user), uploadedById: user.id, status: 'READY' }, select: dtoSelect });
  if (ready) return toDto(ready); // a repeated "complete" (a retry after a lost answer) is not an error
  const file = await ownUpload(user, fileId);
  const declared = Number(file.sizeBytes);
  const mismatch = `“${file.name}” did not arrive as declared (${formatBytes(declared)}): the file changed or the upload was tampered with. Upload it again.`;

  if (file.multipartUploadId && file.partSize) {
    const parts = await storageStep('list the parts it holds', () => listUploadedParts(file.objectKey, file.multipartUploadId!));
    if (!parts) return forgetVanishedUpload(user, fileId, context);
    const count = partCountOf(file);
    const wrong = parts.filter((p) => p.partNumber > count || p.size !== expectedPartSize(p.partNumber, declared, file.partSize!));
    if (wrong.length) return discardUpload(user, file, mismatch, context);
    if (parts.length < count) throw new LibraryFileError(`${count - parts.length} of ${count} parts of “${file.name}” have not arrived yet. Resume the upload.`);
    await storageStep('join the parts into the file', () => completeMultipartUpload(file.objectKey, file.multipartUploadId!, parts));
  }
  const stored = (await storageStep('check the stored file', () => headObject(file.objectKey)))?.size ?? null;
  if (stored === null) throw new LibraryFileError(`“${file.name}” has not arrived in storage yet. Resume the upload.`);
  if (stored !== declared) return discardUpload(user, file, mismatch, context);

  const limits = libraryLimits();
  const quotaRefusal = await db.$transaction(async (tx) => {
    await lockUploader(tx, user.id);
    const others = await bytesHeldBy(tx, user.id, file.id);
    if (others + stored > limits.quotaBytes || stored > limits.maxFileBytes) return quotaMessage(others, limits.quotaBytes);
    await tx.libraryFile.update({ where: { id: file.id }, data: { status: 'READY', multipartUploadId: null, completedAt: new Date() } });
    return null;
  });
  if (quotaRefusal) return discardUpload(user, { ...file, multipartUploadId: null }, quotaRefusal, context);
  await recordAudit({ actorId: user.id, action: 'library.upload.complete', outcome: 'changed', subjectType: 'LibraryFile', subjectId: file.id, context, detail: { sizeBytes: stored } });
  return toDto((await db.libraryFile.findUniqueOrThrow({ where: { id: file.id }, select: dtoSelect })));
}

/** Cancels the caller's own unfinished upload: aborts it in S3 (freeing its parts) and forgets it. */
export async function abortFileUpload(fileId: string, context?: RequestContext): Promise<void> {
  const user = await requireAdmin();
  const file = await ownUpload(user, fileId);
  const abortDeferred = await removeUnfinishedUpload(file);
  await recordAudit({ actorId: user.id, action: 'library.upload.abort', outcome: 'changed', subjectType: 'LibraryFile', subjectId: file.id, context, detail: { name: file.name, abortDeferred } });
}

// ── Managing files ───────────────────────────────────────────────────────────────────────────

async function fileInScope(user: SessionUser, fileId: string) {
  const file = await db.libraryFile.findFirst({ where: { id: fileId, scope: scopeOf(user) } });
  if (!file) throw new LibraryFileError('This file no longer exists. Reload the page.');
  return file;
}

export async function renameLibraryFile(fileId: string, newName: string, context?: RequestContext): Promise<LibraryFileDto> {
  const user = await requireAdmin();
  const file = await fileInScope(user, fileId);
  const name = sanitizeFileName(newName);
  if (!newName.trim()) throw new LibraryFileError('Enter a name.');
  const updated = await db.libraryFile.update({ where: { id: file.id }, data: { name }, select: dtoSelect });
  await recordAudit({ actorId: user.id, action: 'library.rename', outcome: 'changed', subjectType: 'LibraryFile', subjectId: file.id, context, detail: { from: file.name, to: name } });
  return toDto(updated);
}

/** Deletes a file: its object in S3 first (an unfinished one: its open multipart upload), then its record. */
export async function deleteLibraryFile(fileId: string, context?: RequestContext): Promise<void> {
  const user = await requireAdmin();
  const file = await fileInScope(user, fileId);
  const blocker = await shareDeletionBlocker(file.id); // a file in an active share must not vanish under a partner's link
  if (blocker) {
    await recordAudit({ actorId: user.id, action: 'library.delete', outcome: 'refused', subjectType: 'LibraryFile', subjectId: file.id, context, detail: { reason: blocker } });
    throw new LibraryFileError(blocker);
  }
  let abortDeferred: string | undefined;
  if (file.status === 'UPLOADING') abortDeferred = await removeUnfinishedUpload(file);
  else {
    // A ready file keeps its row until its object is gone: no cleanup task would find the object later.
    await storageStep('delete the file', () => deleteObject(file.objectKey));
    await db.libraryFile.delete({ where: { id: file.id } });
  }
  await recordAudit({ actorId: user.id, action: 'library.delete', outcome: 'changed', subjectType: 'LibraryFile', subjectId: file.id, context, detail: { name: file.name, sizeBytes: Number(file.sizeBytes), abortDeferred } });
}

export type DownloadDecision = { outcome: 'granted'; url: string } | { outcome: 'forbidden' } | { outcome: 'not-found' };

/**
 * For the download route: a pre-signed GET for a READY file, always as an attachment under its
 * display name (whatever its type, the browser saves it rather than rendering it).
 */
export async function libraryDownload(fileId: string, context?: RequestContext): Promise<DownloadDecision> {
  const user = await currentUser();
  if (!user) return { outcome: 'not-found' };
  if (user.role !== 'ADMIN') {
    await recordAudit({ actorId: user.id, action: 'library.download', outcome: 'refused', subjectType: 'LibraryFile', subjectId: fileId, context, detail: { reason: 'not an admin' } });
    return { outcome: 'forbidden' };
  }
  const file = await db.libraryFile.findFirst({ where: { id: fileId, scope: scopeOf(user), status: 'READY' } });
  if (!file) return { outcome: 'not-found' };
  const signed = await presignGet(file.objectKey, { purpose: 'download', downloadName: file.name });
  await recordAudit({ actorId: user.id, action: 'library.download', outcome: 'granted', subjectType: 'LibraryFile', subjectId: file.id, urlExpiresAt: signed.expiresAt, context });
  return { outcome: 'granted', url: signed.url };
}

import 'server-only';
import { randomBytes } from 'node:crypto';
import { cache } from 'react';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import {
  AVATAR_CONTENT_TYPES,
  type AvatarContentType,
  avatarFileProblem,
  isAvatarContentType,
} from '@/lib/avatar-rules';
import { reencodePhoto } from '@/lib/avatar-image';
import { CONFIRM_GRACE_SECONDS } from '@/lib/dal/avatar-cleanup';
import { AUDIT_ACTIONS } from '@/lib/audit-vocabulary';
import { auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { requireUser } from '@/lib/dal/session';
import type { RequestContext } from '@/lib/request-context';
import { avatarDisplayUrl, storePhoto } from '@/lib/storage/avatars';
import { keys } from '@/lib/storage/keys';
import { deleteObject, headObject, readObject } from '@/lib/storage/objects';
import { isStoreUnreachable } from '@/lib/storage/security/store';
import { presignPost, type PresignedPostForm } from '@/lib/storage/presign';
import { sniffContentType } from '@/lib/storage/sniff';

const TYPE_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'application/pdf': 'PDF document',
};

const CHOOSE_AGAIN = 'Choose the photo again.';

export interface AvatarUploadRules {
  contentTypes: readonly AvatarContentType[];
  maxBytes: number;
}

export interface AvatarView {
  url: string;
  expiresAt: Date;
}

export interface AvatarUploadForm extends PresignedPostForm {
  uploadId: string;
}

export function avatarUploadRules(): AvatarUploadRules {
  return { contentTypes: AVATAR_CONTENT_TYPES, maxBytes: env.AVATAR_MAX_BYTES };
}

/**
 * A pre-signed POST for one photo, under the signed-in user's quarantine prefix. S3 enforces the
 * key, the declared type and the size; `size` here only gives a quick message before any upload.
 */
export async function createAvatarUpload(
  input: { contentType: string; size: number },
  context?: RequestContext,
): Promise<AvatarUploadForm> {
  const user = await requireUser();
  const audit = auditor(user.id, context);
  const maxBytes = env.AVATAR_MAX_BYTES;
  const problem = avatarFileProblem(input.contentType, input.size, maxBytes);
  if (problem) {
    await audit('avatar.upload', 'refused', user.id, {
      subjectType: 'user',
      detail: { reason: problem, contentType: input.contentType, size: input.size },
    });
    throw new DalError(problem);
  }
  const uploadId = randomBytes(16).toString('hex');
  const key = keys.avatarQuarantine(user.id, uploadId);
  const form = await presignPost(key, { contentType: input.contentType, maxBytes });
  await db.avatarUpload.create({
    data: { id: uploadId, userId: user.id, key, contentType: input.contentType, expiresAt: form.expiresAt },
  });
  await audit('avatar.upload', 'granted', uploadId, {
    urlExpiresAt: form.expiresAt,
    detail: { contentType: input.contentType, maxBytes },
  });
  return { ...form, uploadId };
}

/**
 * The photo to store, decoded from every byte of the quarantined upload and encoded afresh, or what
 * is wrong with the upload. The bytes are read pinned to the ETag whose size and type were checked.
 */
async function checkUpload(
  key: string,
  declaredType: AvatarContentType,
): Promise<{ photo: Uint8Array } | { problem: string }> {
  const stored = await headObject(key);
  if (!stored) return { problem: `The photo never reached storage. ${CHOOSE_AGAIN}` };
  const sizeProblem = avatarFileProblem(declaredType, stored.size, env.AVATAR_MAX_BYTES);
  if (sizeProblem) return { problem: sizeProblem };
  if (stored.contentType !== declaredType)
    return { problem: `Storage holds a different file type than was declared. ${CHOOSE_AGAIN}` };
  const bytes = await readObject(key, stored.etag);
  const reencoded = await reencodePhoto(bytes, declaredType);
  if (reencoded.ok) return { photo: reencoded.bytes };
  const actual = sniffContentType(bytes);
  const looksLike = actual && actual !== declaredType ? ` (its content is a ${TYPE_NAMES[actual]})` : '';
  return {
    problem: `The file is not a real ${TYPE_NAMES[declaredType]}${looksLike}. Choose a JPEG, PNG or WebP photo.`,
  };
}

/**
 * Makes `next` the user's photo (null: no photo) with a compare-and-swap on the current key, and
 * returns the key it replaced. Concurrent confirms (two tabs) serialise on the row: each replaces
 * exactly the key it read, so every replaced photo is handed back to exactly one caller to delete.
 */
async function swapPhoto(userId: string, next: { key: string; contentType: string } | null): Promise<string | null> {
  for (;;) {
    const { avatarKey } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { avatarKey: true } });
    const { count } = await db.user.updateMany({
      where: { id: userId, avatarKey },
      data: {
        avatarKey: next?.key ?? null,
        avatarContentType: next?.contentType ?? null,
        avatarUpdatedAt: next ? new Date() : null,
      },
    });
    if (count === 1) return avatarKey;
  }
}

/**
 * The confirm step: the upload must be the signed-in user's and still within its time; the stored
 * object must be within the size bounds, of the declared type, and decode as that type. The photo is
 * re-encoded (metadata stripped) into the user's photo key and replaces the previous photo, which is
 * deleted. A failed check deletes the upload. Confirming the same upload twice changes nothing.
 */
export async function confirmAvatarUpload(uploadId: string, context?: RequestContext): Promise<AvatarView | null> {
  const user = await requireUser();
  const audit = auditor(user.id, context);
  const photoKey = keys.avatar(user.id, uploadId);
  const upload = await db.avatarUpload.findUnique({ where: { id: uploadId } });
  if (!upload || upload.userId !== user.id) {
    const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarKey: true } });
    if (!upload && current.avatarKey === photoKey) return myAvatar(); // a repeated confirm
    await audit('avatar.confirm', 'refused', uploadId, {
      subjectType: 'avatarUpload',
      detail: { reason: upload ? 'another user’s upload' : 'no such upload' },
    });
    throw new DalError(
      `This upload is not waiting for confirmation (it was confirmed, expired or never existed). ${CHOOSE_AGAIN}`,
    );
  }

  // Claim the upload: of two confirms racing (a double submit), exactly one gets to handle it.
  const { count: claimed } = await db.avatarUpload.deleteMany({ where: { id: upload.id, userId: user.id } });
  if (claimed === 0) throw new DalError('This photo is already being confirmed. Wait a moment.');

  const deadline = upload.expiresAt.getTime() + CONFIRM_GRACE_SECONDS * 1000;
  try {
    const checked: { photo: Uint8Array } | { problem: string } =
      Date.now() > deadline
        ? { problem: `The upload form expired before the photo was confirmed. ${CHOOSE_AGAIN}` }
        : isAvatarContentType(upload.contentType)
          ? await checkUpload(upload.key, upload.contentType)
          : { problem: `Only JPEG, PNG and WebP photos are accepted. ${CHOOSE_AGAIN}` };
    if ('problem' in checked) {
      await deleteObject(upload.key);
      await audit('avatar.reject', 'refused', upload.id, { detail: { reason: checked.problem } });
      throw new DalError(checked.problem);
    }
    // The server writes the photo it encoded; the quarantined upload (which its form may still replace) goes.
    await storePhoto(photoKey, checked.photo, upload.contentType);
  } catch (error) {
    // S3 did not answer: the claim goes back, so that the same upload can be confirmed once it does.
    if (isStoreUnreachable(error)) await db.avatarUpload.create({ data: upload });
    throw error;
  }
  await deleteObject(upload.key);
  let previous: string | null;
  try {
    previous = await swapPhoto(user.id, { key: photoKey, contentType: upload.contentType });
  } catch (error) {
    await deleteObject(photoKey); // nothing points at it: do not leave it behind
    throw error;
  }
  if (previous && previous !== photoKey) await deleteObject(previous);
  await audit('avatar.confirm', 'changed', user.id, { detail: { key: photoKey, replaced: previous } });
  return myAvatar();
}

/** Deletes the signed-in user's photo from the database and from S3; without one, changes nothing. */
export async function removeAvatar(context?: RequestContext): Promise<{ removed: boolean }> {
  const user = await requireUser();
  const audit = auditor(user.id, context);
  const previous = await swapPhoto(user.id, null);
  if (!previous) return { removed: false };
  await deleteObject(previous);
  await audit('avatar.remove', 'changed', user.id, { detail: { key: previous } });
  return { removed: true };
}

/**
 * A pre-signed GET of the signed-in user's photo, or null without one. Signed as of the start of
 * the current window, so every page in that window gets the very same URL and the browser serves
 * the photo from its cache. Each distinct URL is recorded once in the audit log.
 */
export const myAvatar = cache(async (): Promise<AvatarView | null> => {
  const user = await requireUser();
  const audit = auditor(user.id);
  const { avatarKey } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarKey: true } });
  if (!avatarKey) return null;
  const { url, expiresAt } = await avatarDisplayUrl(avatarKey);
  // subjectType first: the lookup runs on every page a signed-in user opens, so it must use the
  // (subjectType, subjectId) index rather than scan the user's whole history.
  const recorded = await db.auditEvent.findFirst({
    where: {
      subjectType: AUDIT_ACTIONS['avatar.view'].subject,
      subjectId: avatarKey,
      actorId: user.id,
      action: 'avatar.view',
      urlExpiresAt: expiresAt,
    },
    select: { id: true },
  });
  if (!recorded) await audit('avatar.view', 'granted', avatarKey, { urlExpiresAt: expiresAt });
  return { url, expiresAt };
});

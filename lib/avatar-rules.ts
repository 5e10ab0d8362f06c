import { formatBytes } from '@/lib/format';

/**
 * What a profile photo may be, shared by the browser (a quick message before any upload) and the
 * server (which issues S3 policies that enforce it, and verifies the stored bytes).
 */
export const AVATAR_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AvatarContentType = (typeof AVATAR_CONTENT_TYPES)[number];

export function isAvatarContentType(value: string): value is AvatarContentType {
  return (AVATAR_CONTENT_TYPES as readonly string[]).includes(value);
}

/** Why a file of this declared type and size cannot be a profile photo, or null when it can. */
export function avatarFileProblem(contentType: string, size: number, maxBytes: number): string | null {
  if (!isAvatarContentType(contentType))
    return 'Choose a JPEG, PNG or WebP image. Other file types cannot be profile photos.';
  if (size < 1) return 'The file is empty. Choose a photo with content.';
  if (size > maxBytes)
    return `The photo is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}. Choose a smaller photo.`;
  return null;
}

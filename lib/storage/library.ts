import 'server-only';
import { env, S3_MAX_PART_BYTES, S3_MAX_PARTS, S3_MIN_PART_BYTES } from '@/lib/env';

/**
 * The file library's storage policy: how a file of a given size is sent (one PUT or parts), and
 * what a display name or declared type may look like. No S3 calls here; lib/storage/multipart.ts,
 * objects.ts and presign.ts do those.
 */

const MIB = 1024 * 1024;

export interface LibraryLimits {
  maxFileBytes: number;
  quotaBytes: number;
  multipartThresholdBytes: number;
  partSizeBytes: number;
}

export function libraryLimits(): LibraryLimits {
  return {
    maxFileBytes: env.LIBRARY_MAX_FILE_BYTES,
    quotaBytes: env.LIBRARY_QUOTA_BYTES,
    multipartThresholdBytes: env.LIBRARY_MULTIPART_THRESHOLD_BYTES,
    partSizeBytes: env.LIBRARY_PART_SIZE_BYTES,
  };
}

export type UploadPlan = { kind: 'single' } | { kind: 'multipart'; partSize: number; partCount: number };

/**
 * One PUT under the threshold; parts from it up. The part size is the configured one unless the
 * file would then need more than 10,000 parts: then the smallest whole MiB that fits (5 TiB ends
 * up in 525 MiB parts).
 */
export function planUpload(
  sizeBytes: number,
  limits: Pick<LibraryLimits, 'multipartThresholdBytes' | 'partSizeBytes'>,
): UploadPlan {
  if (sizeBytes < limits.multipartThresholdBytes) return { kind: 'single' };
  const fitting = Math.ceil(sizeBytes / S3_MAX_PARTS / MIB) * MIB;
  const partSize = Math.min(S3_MAX_PART_BYTES, Math.max(limits.partSizeBytes, fitting, S3_MIN_PART_BYTES));
  return { kind: 'multipart', partSize, partCount: Math.max(1, Math.ceil(sizeBytes / partSize)) };
}

/** The size part `partNumber` (1-based) must have: the part size, except the last, which holds the rest. */
export function expectedPartSize(partNumber: number, sizeBytes: number, partSize: number): number {
  return Math.min(partSize, sizeBytes - (partNumber - 1) * partSize);
}

export const MAX_NAME_LENGTH = 255;

/**
 * A file name as it may be shown and offered for download: Unicode normalised (NFC), control and
 * bidi-override characters removed, path separators replaced (a name is never a path), whitespace
 * collapsed, at most 255 characters with the extension kept. Never used in an object key.
 */
export function sanitizeFileName(raw: string): string {
  let name = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/[/\\]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^\.*$/.test(name)) return 'untitled';
  const chars = [...name];
  if (chars.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 16 ? [...name.slice(dot)] : [];
    name =
      chars
        .slice(0, MAX_NAME_LENGTH - extension.length)
        .join('')
        .trimEnd() + extension.join('');
  }
  return name;
}

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/**
 * The declared Content-Type if it is a plain `type/subtype`, else application/octet-stream. Any
 * type is accepted: library files are only ever served as attachments (Content-Disposition), so a
 * browser saves an .html or .exe instead of running or rendering it.
 */
export function normalizeContentType(raw: string | undefined | null): string {
  const type = (raw ?? '').split(';')[0].trim().toLowerCase();
  return MIME.test(type) ? type : 'application/octet-stream';
}

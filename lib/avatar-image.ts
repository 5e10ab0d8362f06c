import 'server-only';
import sharp from 'sharp';
import type { AvatarContentType } from '@/lib/avatar-rules';

/**
 * A profile photo as the server stores it: decoded in full and encoded afresh, never the uploaded
 * bytes. Whatever rode along in the upload (HTML after an image header, a script in a comment,
 * EXIF with a location) is not in the output; a file that only starts like an image fails to decode.
 */

const FORMATS = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/** Decoding a small file into a huge canvas (a decompression bomb) is refused beyond this many pixels. */
export const MAX_PHOTO_PIXELS = 50_000_000;

export type ReencodedPhoto = { ok: true; bytes: Buffer } | { ok: false; decodedAs: string | null };

export async function reencodePhoto(input: Uint8Array, declared: AvatarContentType): Promise<ReencodedPhoto> {
  try {
    // 'truncated': a cut-off image is an error, not a half-grey photo.
    const image = sharp(input, { failOn: 'truncated', limitInputPixels: MAX_PHOTO_PIXELS });
    const { format } = await image.metadata();
    if (format !== FORMATS[declared]) return { ok: false, decodedAs: format ?? null };
    // rotate(): the EXIF orientation is applied to the pixels, since the metadata itself is dropped.
    return { ok: true, bytes: await image.rotate().toFormat(FORMATS[declared]).toBuffer() };
  } catch {
    return { ok: false, decodedAs: null };
  }
}

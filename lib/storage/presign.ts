import 'server-only';
import { GetObjectCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { S3_MAX_PARTS } from '@/lib/env';
import { bucket, bucketForKey, s3, signingCredentialsExpiry } from '@/lib/storage/client';
import { isQuarantined } from '@/lib/storage/keys';
import { effectiveTtl, ttlSeconds, type UrlPurpose } from '@/lib/storage/ttl';

/**
 * Every URL the app signs is signed here, and every lifetime comes from lib/storage/ttl.ts, capped at
 * what the signing credentials have left (a URL cannot outlive the credentials that signed it).
 */

export interface PresignedUrl {
  url: string;
  /** When the URL really stops working: its own expiry, or the signing credentials' if earlier. */
  expiresAt: Date;
}

/** The lifetime to sign with: the policy's TTL, capped at what the signing credentials have left. */
async function lifetime(purpose: UrlPurpose, requested: number | undefined, signedAt: Date) {
  const ttl = ttlSeconds(purpose, requested);
  const { seconds } = effectiveTtl(ttl, await signingCredentialsExpiry(), signedAt);
  return { expiresIn: seconds, expiresAt: new Date(signedAt.getTime() + seconds * 1000) };
}

export interface PresignGetOptions {
  purpose: Exclude<UrlPurpose, 'upload'>;
  /** A shorter lifetime than the policy's, for example in tests. */
  ttlSeconds?: number;
  /** Sent back as Content-Disposition: attachment, so the browser saves it under this name. */
  downloadName?: string;
  /** Shown in the browser instead (Content-Disposition: inline): only for types safe to render. */
  inline?: boolean;
  responseContentType?: string;
  /** Sign as of this instant (for URLs reused across a time window); defaults to now. */
  signedAt?: Date;
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so that any display name is safe in the header. */
export function contentDisposition(name: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // The UTF-8 form only when the ASCII one lost something: most names (invoice numbers) need none.
  return ascii === name
    ? `${type}; filename="${name}"`
    : `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function presignGet(key: string, options: PresignGetOptions): Promise<PresignedUrl> {
  if (isQuarantined(key)) throw new Error('refusing to sign a download of a quarantined object');
  const signedAt = options.signedAt ?? new Date();
  const { expiresIn, expiresAt } = await lifetime(options.purpose, options.ttlSeconds, signedAt);
  const command = new GetObjectCommand({
    Bucket: bucketForKey(key),
    Key: key,
    ResponseContentDisposition: options.downloadName
      ? contentDisposition(options.downloadName, options.inline ? 'inline' : 'attachment')
      : undefined,
    ResponseContentType: options.responseContentType,
  });
  const url = await getSignedUrl(s3(), command, { expiresIn, signingDate: signedAt });
  return { url, expiresAt };
}

export interface PresignPutOptions {
  contentType: string;
  ttlSeconds?: number;
}

/** A pre-signed PUT with Content-Type signed: the browser must send exactly that type. */
export async function presignPut(key: string, options: PresignPutOptions): Promise<PresignedUrl> {
  const signedAt = new Date();
  const { expiresIn, expiresAt } = await lifetime('upload', options.ttlSeconds, signedAt);
  const command = new PutObjectCommand({ Bucket: bucketForKey(key), Key: key, ContentType: options.contentType });
  const url = await getSignedUrl(s3(), command, {
    expiresIn,
    signingDate: signedAt,
    signableHeaders: new Set(['content-type']),
  });
  return { url, expiresAt };
}

/**
 * A pre-signed PUT of one part of a multipart upload; its signature covers the upload id and the
 * part number. Signed when that part starts, so no URL has to outlive its part.
 */
export async function presignUploadPart(
  key: string,
  uploadId: string,
  partNumber: number,
  options: { ttlSeconds?: number } = {},
): Promise<PresignedUrl> {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > S3_MAX_PARTS)
    throw new RangeError(`part number must be 1..${S3_MAX_PARTS}, got ${partNumber}`);
  const signedAt = new Date();
  const { expiresIn, expiresAt } = await lifetime('upload', options.ttlSeconds, signedAt);
  const command = new UploadPartCommand({
    Bucket: bucketForKey(key),
    Key: key,
    UploadId: uploadId,
    PartNumber: partNumber,
  });
  const url = await getSignedUrl(s3(), command, { expiresIn, signingDate: signedAt });
  return { url, expiresAt };
}

export interface PresignedPostForm {
  /** The form's action: the bucket's endpoint. */
  url: string;
  /** Hidden fields to send before the file, exactly as given (they carry the signed policy). */
  fields: Record<string, string>;
  expiresAt: Date;
  maxBytes: number;
}

export interface PresignPostOptions {
  contentType: string;
  /** S3 itself refuses a body outside 1..maxBytes (content-length-range in the signed policy). */
  maxBytes: number;
  ttlSeconds?: number;
}

/**
 * A pre-signed POST whose policy S3 enforces: this exact key, this exact Content-Type, and a body
 * size between 1 byte and maxBytes. Unlike a pre-signed PUT, the size is bounded by S3 itself.
 */
export async function presignPost(key: string, options: PresignPostOptions): Promise<PresignedPostForm> {
  const { expiresIn, expiresAt } = await lifetime('upload', options.ttlSeconds, new Date());
  const { url, fields } = await createPresignedPost(s3(), {
    // Not bucketForKey: POST Object is not among the operations S3 Access Points accept, so
    // browser forms always post to the bucket itself (the bucket policy still applies).
    Bucket: bucket(),
    Key: key,
    Expires: expiresIn,
    Fields: { 'Content-Type': options.contentType },
    Conditions: [
      ['eq', '$Content-Type', options.contentType],
      ['content-length-range', 1, options.maxBytes],
    ],
  });
  return { url, fields, expiresAt, maxBytes: options.maxBytes };
}

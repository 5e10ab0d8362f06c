import 'server-only';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucket, s3 } from '@/lib/storage/client';
import type { PresignedUrl } from '@/lib/storage/presign';
import { ttlSeconds } from '@/lib/storage/ttl';

/**
 * S3 multipart uploads driven from a browser: the server opens the upload, signs one UploadPart URL
 * at a time (when that part starts, so no URL has to outlive its part), lists what S3 holds, and
 * completes or aborts. The browser only ever PUTs bytes to the signed URLs.
 */

export interface UploadedPart {
  partNumber: number;
  etag: string;
  size: number;
}

const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

export async function createMultipartUpload(key: string, contentType: string): Promise<string> {
  const out = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket(), Key: key, ContentType: contentType }));
  if (!out.UploadId) throw new Error('S3 returned no UploadId for CreateMultipartUpload');
  return out.UploadId;
}

/** A pre-signed URL for one part; its signature covers the upload id and the part number. */
export async function presignUploadPart(key: string, uploadId: string, partNumber: number, options: { ttlSeconds?: number } = {}): Promise<PresignedUrl> {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) throw new RangeError(`part number must be 1..10000, got ${partNumber}`);
  const expiresIn = ttlSeconds('upload', options.ttlSeconds);
  const command = new UploadPartCommand({ Bucket: bucket(), Key: key, UploadId: uploadId, PartNumber: partNumber });
  const url = await getSignedUrl(s3(), command, { expiresIn });
  return { url, expiresAt: new Date(Date.now() + expiresIn * 1000) };
}

/** Every part S3 holds for this upload (all pages), in part order; null when the upload no longer exists. */
export async function listUploadedParts(key: string, uploadId: string): Promise<UploadedPart[] | null> {
  const parts: UploadedPart[] = [];
  let marker: string | undefined;
  try {
    do {
      const page = await s3().send(new ListPartsCommand({ Bucket: bucket(), Key: key, UploadId: uploadId, PartNumberMarker: marker }));
      for (const part of page.Parts ?? []) {
        if (part.PartNumber && part.ETag) parts.push({ partNumber: part.PartNumber, etag: part.ETag, size: part.Size ?? 0 });
      }
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}

export async function completeMultipartUpload(key: string, uploadId: string, parts: UploadedPart[]): Promise<void> {
  await s3().send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket(),
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
    }),
  );
}

/** Aborts the upload and frees its parts; an upload that is already gone counts as aborted. */
export async function abortMultipartUpload(key: string, uploadId: string): Promise<void> {
  try {
    await s3().send(new AbortMultipartUploadCommand({ Bucket: bucket(), Key: key, UploadId: uploadId }));
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

/** The object's size as S3 reports it; null when there is no such object. */
export async function objectSize(key: string): Promise<number | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return head.ContentLength ?? 0;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}

export interface OpenMultipartUpload {
  key: string;
  uploadId: string;
  initiated: Date;
}

/** Multipart uploads still open under `prefix` (all pages). */
export async function listOpenMultipartUploads(prefix: string, client: S3Client = s3(), name: string = bucket()): Promise<OpenMultipartUpload[]> {
  const open: OpenMultipartUpload[] = [];
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  do {
    const page = await client.send(new ListMultipartUploadsCommand({ Bucket: name, Prefix: prefix, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }));
    for (const upload of page.Uploads ?? []) {
      if (upload.Key && upload.UploadId) open.push({ key: upload.Key, uploadId: upload.UploadId, initiated: upload.Initiated ?? new Date(0) });
    }
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
  } while (keyMarker);
  return open;
}

/**
 * The cleanup task's S3 half: aborts every multipart upload under `prefix` started before
 * `startedBefore`, so abandoned parts stop costing storage. Uploads in `keep` (ids of uploads the
 * app still tracks as resumable) are left alone. Returns what it aborted.
 */
export async function abortStaleMultipartUploads(options: { prefix: string; startedBefore: Date; keep?: Set<string> }): Promise<OpenMultipartUpload[]> {
  const stale = (await listOpenMultipartUploads(options.prefix)).filter((u) => u.initiated < options.startedBefore && !options.keep?.has(u.uploadId));
  for (const upload of stale) await abortMultipartUpload(upload.key, upload.uploadId);
  return stale;
}

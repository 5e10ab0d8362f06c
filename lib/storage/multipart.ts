import 'server-only';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { bucket, bucketForKey, s3 } from '@/lib/storage/client';
import { isNotFound } from '@/lib/storage/objects';

/**
 * S3 multipart uploads driven from a browser: the server opens the upload, presign.ts signs one
 * UploadPart URL at a time, the server lists what S3 holds, and completes or aborts. The browser only
 * ever PUTs bytes to the signed URLs.
 */

export interface UploadedPart {
  partNumber: number;
  etag: string;
  size: number;
}

export async function createMultipartUpload(key: string, contentType: string): Promise<string> {
  const out = await s3().send(
    new CreateMultipartUploadCommand({ Bucket: bucketForKey(key), Key: key, ContentType: contentType }),
  );
  if (!out.UploadId) throw new Error('S3 returned no UploadId for CreateMultipartUpload');
  return out.UploadId;
}

/** Every part S3 holds for this upload (all pages), in part order; null when the upload no longer exists. */
export async function listUploadedParts(key: string, uploadId: string): Promise<UploadedPart[] | null> {
  const parts: UploadedPart[] = [];
  let marker: string | undefined;
  try {
    do {
      const page = await s3().send(
        new ListPartsCommand({ Bucket: bucketForKey(key), Key: key, UploadId: uploadId, PartNumberMarker: marker }),
      );
      for (const part of page.Parts ?? []) {
        if (part.PartNumber && part.ETag)
          parts.push({ partNumber: part.PartNumber, etag: part.ETag, size: part.Size ?? 0 });
      }
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}

export async function completeMultipartUpload(key: string, uploadId: string, parts: UploadedPart[]): Promise<void> {
  await s3().send(
    new CompleteMultipartUploadCommand({
      Bucket: bucketForKey(key),
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
    }),
  );
}

/** Aborts the upload and frees its parts; an upload that is already gone counts as aborted. */
export async function abortMultipartUpload(key: string, uploadId: string): Promise<void> {
  try {
    await s3().send(new AbortMultipartUploadCommand({ Bucket: bucketForKey(key), Key: key, UploadId: uploadId }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export interface OpenMultipartUpload {
  key: string;
  uploadId: string;
  initiated: Date;
}

/**
 * Multipart uploads still open under `prefix` (all pages). A bucket-level listing, so it asks the
 * bucket itself: the app role's s3:ListBucketMultipartUploads is granted on the bucket only.
 */
export async function listOpenMultipartUploads(
  prefix: string,
  client: S3Client = s3(),
  name: string = bucket(),
): Promise<OpenMultipartUpload[]> {
  const open: OpenMultipartUpload[] = [];
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  do {
    const page = await client.send(
      new ListMultipartUploadsCommand({
        Bucket: name,
        Prefix: prefix,
        KeyMarker: keyMarker,
        UploadIdMarker: uploadIdMarker,
      }),
    );
    for (const upload of page.Uploads ?? []) {
      if (upload.Key && upload.UploadId)
        open.push({ key: upload.Key, uploadId: upload.UploadId, initiated: upload.Initiated ?? new Date(0) });
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
export async function abortStaleMultipartUploads(options: {
  prefix: string;
  startedBefore: Date;
  keep?: Set<string>;
}): Promise<OpenMultipartUpload[]> {
  const stale = (await listOpenMultipartUploads(options.prefix)).filter(
    (u) => u.initiated < options.startedBefore && !options.keep?.has(u.uploadId),
  );
  for (const upload of stale) await abortMultipartUpload(upload.key, upload.uploadId);
  return stale;
}

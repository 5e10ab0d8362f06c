import 'server-only';
import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { ACCESS_POINT_ARN } from '@/lib/env';
import { bucketForKey, s3 } from '@/lib/storage/client';
import { httpStatusOf } from '@/lib/storage/security/store';

/**
 * Every operation on a single object, whatever the use case. Each request is addressed to
 * bucketForKey(key): the Access Point of the key's use case when one is configured, else the bucket,
 * so Access Points govern every object operation and not only downloads. The avatar, invoice and
 * library modules keep only their own rules (sizes, headers, part plans) and call these.
 */

/** True when S3 answered 404: no such object, or (for multipart calls) no such upload. */
export function isNotFound(error: unknown): boolean {
  return httpStatusOf(error) === 404;
}

export interface ObjectHead {
  size: number;
  contentType: string | null;
}

/** Size and Content-Type of the object under `key`, or null when there is none. */
export async function headObject(key: string): Promise<ObjectHead | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucketForKey(key), Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? null };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The first `count` bytes of an object (a ranged GET: the rest is never downloaded). */
export async function readObjectStart(key: string, count: number): Promise<Uint8Array> {
  const response = await s3().send(
    new GetObjectCommand({ Bucket: bucketForKey(key), Key: key, Range: `bytes=0-${count - 1}` }),
  );
  const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
  return bytes.subarray(0, count);
}

/** SHA-256 of the whole object, hex, streamed: the object is never held in memory at once. */
export async function objectSha256(key: string): Promise<string> {
  const response = await s3().send(new GetObjectCommand({ Bucket: bucketForKey(key), Key: key }));
  const hash = createHash('sha256');
  for await (const chunk of (response.Body ?? []) as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * CopySource names the source through its own Access Point where there is one: an access point ARN
 * takes the form <arn>/object/<key>; an alias or a bucket name, <name>/<key>.
 */
function copySource(key: string): string {
  const source = bucketForKey(key);
  const encodedKey = key.split('/').map(encodeURIComponent).join('/');
  return ACCESS_POINT_ARN.test(source) ? `${source}/object/${encodedKey}` : `${source}/${encodedKey}`;
}

/** Copies an object to another key, replacing its headers with these. */
export async function copyObject(
  from: string,
  to: string,
  headers: { contentType: string; cacheControl?: string },
): Promise<void> {
  await s3().send(
    new CopyObjectCommand({
      Bucket: bucketForKey(to),
      CopySource: copySource(from),
      Key: to,
      MetadataDirective: 'REPLACE',
      ContentType: headers.contentType,
      CacheControl: headers.cacheControl,
    }),
  );
}

/**
 * Stores bytes under a key the server built, from the server itself: the seed and tests write their
 * sample files this way; people upload through pre-signed forms and URLs. Returns the new version's
 * id on a versioned bucket.
 */
export async function putObject(
  key: string,
  body: Uint8Array | string,
  contentType: string,
): Promise<{ versionId?: string }> {
  const out = await s3().send(
    new PutObjectCommand({ Bucket: bucketForKey(key), Key: key, Body: body, ContentType: contentType }),
  );
  return { versionId: out.VersionId };
}

/**
 * Deletes an object; deleting one that is already gone is not an error (S3 answers 204 either way).
 * With a version id, that version is removed for good instead of being hidden by a delete marker.
 */
export async function deleteObject(key: string, versionId?: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucketForKey(key), Key: key, VersionId: versionId }));
}

/** DeleteObjects takes at most this many keys per request. */
const DELETE_BATCH = 1000;

/** Deletes many objects in as few requests as S3 allows, each batch through its keys' Access Point. */
export async function deleteObjects(keys: string[]): Promise<void> {
  const byTarget = new Map<string, string[]>();
  for (const key of keys) {
    const target = bucketForKey(key);
    byTarget.set(target, [...(byTarget.get(target) ?? []), key]);
  }
  for (const [target, group] of byTarget) {
    for (let start = 0; start < group.length; start += DELETE_BATCH) {
      const batch = group.slice(start, start + DELETE_BATCH);
      const out = await s3().send(
        new DeleteObjectsCommand({ Bucket: target, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      // Per-key failures come back in the body of a 200, not as an exception.
      const failed = out.Errors ?? [];
      if (failed.length)
        throw new Error(
          `S3 did not delete ${failed.length} of ${batch.length} objects: ${failed.map((e) => `${e.Key} (${e.Code})`).join(', ')}`,
        );
    }
  }
}

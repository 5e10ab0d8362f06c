import 'server-only';
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

/** True when S3 answered 412: the object no longer has the ETag a read or copy was pinned to. */
function isChangedSince(error: unknown): boolean {
  return httpStatusOf(error) === 412;
}

export interface ObjectHead {
  size: number;
  contentType: string | null;
  /** Names this exact content: reads and copies pinned to it fail (412) once the object is replaced. */
  etag: string;
}

/** Size, Content-Type and ETag of the object under `key`, or null when there is none. */
export async function headObject(key: string): Promise<ObjectHead | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucketForKey(key), Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? null, etag: head.ETag ?? '' };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * The whole object, for checks that must see every byte (a photo is decoded, an invoice hashed) and
 * then store exactly those bytes. With `ifMatch`, only the content with that ETag (else 412).
 */
export async function readObject(key: string, ifMatch?: string): Promise<Uint8Array> {
  const response = await s3().send(new GetObjectCommand({ Bucket: bucketForKey(key), Key: key, IfMatch: ifMatch }));
  return (await response.Body?.transformToByteArray()) ?? new Uint8Array();
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

/**
 * Copies an object to another key, replacing its headers with these. With `ifMatch`, only the content
 * with that ETag is copied: if the source was replaced since it was checked, S3 refuses (412).
 */
export async function copyObject(
  from: string,
  to: string,
  headers: { contentType: string; cacheControl?: string },
  ifMatch?: string,
): Promise<void> {
  await s3().send(
    new CopyObjectCommand({
      Bucket: bucketForKey(to),
      CopySource: copySource(from),
      CopySourceIfMatch: ifMatch,
      Key: to,
      MetadataDirective: 'REPLACE',
      ContentType: headers.contentType,
      CacheControl: headers.cacheControl,
    }),
  );
}

/**
 * Moves an upload a browser wrote to its final key, which no browser can write, and deletes the
 * upload: an upload URL that is still valid afterwards can only replace the upload, never the final
 * object. The copy is pinned to the ETag that was checked (S3 answers 412 if the upload was replaced
 * since; radosgw 16 ignores that condition), and the final object's head is returned so the caller
 * checks what arrived. Null when S3 refused the copy because the upload changed.
 */
export async function promoteUpload(
  from: string,
  to: string,
  checked: { etag: string; contentType: string },
): Promise<ObjectHead | null> {
  try {
    await copyObject(from, to, checked, checked.etag);
  } catch (error) {
    if (isChangedSince(error)) return null;
    throw error;
  }
  await deleteObject(from);
  return headObject(to);
}

/**
 * Stores bytes under a key the server built, from the server itself: checked uploads (an invoice
 * PDF, a re-encoded photo) land in their final key this way, and the seed and tests write their
 * sample files so; people upload through pre-signed forms and URLs. Returns the new version's id on
 * a versioned bucket.
 */
export async function putObject(
  key: string,
  body: Uint8Array | string,
  contentType: string,
  options: { cacheControl?: string } = {},
): Promise<{ versionId?: string }> {
  const out = await s3().send(
    new PutObjectCommand({
      Bucket: bucketForKey(key),
      Key: key,
      Body: body,
      ContentType: contentType,
      CacheControl: options.cacheControl,
    }),
  );
  return { versionId: out.VersionId };
}

/**
 * Deletes an object; deleting one that is already gone is not an error (S3 answers 204 either way).
 * With a version id, that version is removed for good instead of being hidden by a delete marker.
 */
export async function deleteObject(key: string, versionId?: string): Promise<{ deleteMarker: boolean }> {
  const out = await s3().send(new DeleteObjectCommand({ Bucket: bucketForKey(key), Key: key, VersionId: versionId }));
  // On a versioned bucket a plain delete only hides the object: its bytes stay as a noncurrent version.
  return { deleteMarker: Boolean(out.DeleteMarker) };
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

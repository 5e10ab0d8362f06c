import 'server-only';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { bucket, s3 } from '@/lib/storage/client';
import { PREFIX } from '@/lib/storage/keys';
import { putObject } from '@/lib/storage/objects';
import { presignGet, type PresignedUrl } from '@/lib/storage/presign';
import { ttlSeconds } from '@/lib/storage/ttl';

/**
 * The storage rules of profile photos: how long a photo URL lives and is reused, the headers a
 * verified (re-encoded) photo is stored with, and where quarantined uploads nobody confirmed are found.
 */

/** Display URLs are signed as of the start of a window this long, so a page reload reuses the same URL. */
export const AVATAR_URL_WINDOW_SECONDS = 15 * 60;

/** A photo URL lives at most this long, whatever the download TTL allows. */
export const AVATAR_URL_MAX_TTL_SECONDS = 60 * 60;

/**
 * Stored with every verified photo and sent back by S3 on each GET: the browser keeps the photo for
 * as long as its URL can be reused. A photo's key never gets new content (a new photo gets a new
 * key), hence immutable; private, because the URL is the user's own.
 */
export const AVATAR_CACHE_CONTROL = `private, max-age=${AVATAR_URL_MAX_TTL_SECONDS}, immutable`;

export interface SigningWindow {
  /** Sign as of this instant: the start of the current window. */
  signedAt: Date;
  /** URL lifetime from signedAt. */
  ttlSeconds: number;
}

/**
 * The signing instant and lifetime for a photo URL issued at `now`: the same for every request in
 * one window, so the URL (and the browser's cached copy) is reused. The window is at most half the
 * lifetime, so a URL handed out at the end of its window still has half its life left.
 */
export function avatarSigningWindow(now: Date, downloadTtlSeconds: number): SigningWindow {
  const ttlSeconds = Math.min(downloadTtlSeconds, AVATAR_URL_MAX_TTL_SECONDS);
  const windowMs = Math.max(1, Math.min(AVATAR_URL_WINDOW_SECONDS, Math.floor(ttlSeconds / 2))) * 1000;
  return { signedAt: new Date(Math.floor(now.getTime() / windowMs) * windowMs), ttlSeconds };
}

/** Photo URLs of the current window by key; a new window starts the map afresh, so it stays bounded. */
const windowUrls = { startsAt: 0, urls: new Map<string, Promise<PresignedUrl>>() };

/**
 * The display URL of a photo: signed once per key per window and reused from memory after that, so
 * a page of many photos signs nothing on its second render, and the browser, given the same URLs,
 * fetches no image bytes again. Pure function of key and window, so every instance of the app hands
 * out the same URL.
 */
export function avatarDisplayUrl(key: string, now: Date = new Date()): Promise<PresignedUrl> {
  const window = avatarSigningWindow(now, ttlSeconds('download'));
  if (window.signedAt.getTime() !== windowUrls.startsAt) {
    windowUrls.startsAt = window.signedAt.getTime();
    windowUrls.urls.clear();
  }
  let url = windowUrls.urls.get(key);
  if (!url) {
    url = presignGet(key, { purpose: 'download', ...window });
    url.catch(() => windowUrls.urls.delete(key));
    windowUrls.urls.set(key, url);
  }
  return url;
}

/** Stores a verified, re-encoded photo under its photo key with the photo's headers. */
export async function storePhoto(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await putObject(key, bytes, contentType, { cacheControl: AVATAR_CACHE_CONTROL });
}

/**
 * Keys of quarantined uploads last written before `cutoff`. A bucket-level listing, so it asks the
 * bucket itself: the app role's s3:ListBucket is granted on the bucket only.
 */
export async function listQuarantinedBefore(cutoff: Date): Promise<string[]> {
  const stale: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3().send(
      new ListObjectsV2Command({ Bucket: bucket(), Prefix: PREFIX.avatarQuarantine, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      if (object.Key && object.LastModified && object.LastModified < cutoff) stale.push(object.Key);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return stale;
}

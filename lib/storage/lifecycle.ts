import type { LifecycleRule } from '@aws-sdk/client-s3';
import { PREFIX, type UNCHECKED_PREFIXES } from '@/lib/storage/keys';

/** Lifecycle rules Guestpass manages carry this ID prefix; other rules on the bucket are left alone. */
export const MANAGED_RULE_PREFIX = 'guestpass-';

/** The default of S3_NONCURRENT_VERSION_DAYS: how long a deleted or replaced file can still be restored. */
export const DEFAULT_NONCURRENT_VERSION_DAYS = 7;

/**
 * Uploads the server never checked: a quarantined photo, an invoice PDF or a library file sent in one
 * PUT that nobody confirmed within a day never will be (and an upload URL used again after its
 * confirm leaves an object here that nothing points at).
 */
const UNCHECKED_UPLOAD_RULES = [
  { id: 'expire-quarantined-avatars', prefix: PREFIX.avatarQuarantine },
  { id: 'expire-unchecked-invoice-uploads', prefix: PREFIX.invoiceUploads },
  { id: 'expire-unchecked-library-uploads', prefix: PREFIX.libraryUploads },
] as const satisfies readonly { id: string; prefix: (typeof UNCHECKED_PREFIXES)[number] }[];

/**
 * The bucket's lifecycle rules. An abandoned multipart upload keeps its parts (and its cost) forever
 * unless aborted; unchecked uploads expire after a day. With versioning on (s3:harden turns it on), a
 * deleted file stays as a noncurrent version: those expire after `noncurrentVersionDays`, so that a
 * delete really removes the bytes, and says when.
 */
export function lifecycleRules(noncurrentVersionDays: number): LifecycleRule[] {
  return [
    {
      ID: `${MANAGED_RULE_PREFIX}abort-incomplete-multipart-uploads`,
      Status: 'Enabled',
      Filter: { Prefix: '' },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    },
    {
      ID: `${MANAGED_RULE_PREFIX}expire-noncurrent-versions`,
      Status: 'Enabled',
      Filter: { Prefix: '' },
      NoncurrentVersionExpiration: { NoncurrentDays: noncurrentVersionDays },
      // A delete leaves a marker on top of the old versions; once they expire, drop the marker too.
      Expiration: { ExpiredObjectDeleteMarker: true },
    },
    ...UNCHECKED_UPLOAD_RULES.map(({ id, prefix }): LifecycleRule => ({
      ID: `${MANAGED_RULE_PREFIX}${id}`,
      Status: 'Enabled',
      Filter: { Prefix: prefix },
      Expiration: { Days: 1 },
      // With versioning on, expiry only adds a delete marker: also drop the old versions.
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    })),
  ];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When lifecycle erases a version that became noncurrent at `since`: S3 counts the days from the
 * next midnight UTC, so this is that midnight plus the days (expiry itself runs shortly after).
 */
export function noncurrentVersionGoneBy(since: Date, noncurrentVersionDays: number): Date {
  const nextMidnight = Math.floor(since.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  return new Date(nextMidnight + noncurrentVersionDays * DAY_MS);
}

/** The fields that give a rule its meaning, whatever shape the store returns it in (some give `Prefix` instead of `Filter`). */
export function canonicalRule(rule: LifecycleRule): Record<string, unknown> {
  const prefix = rule.Filter?.Prefix ?? rule.Filter?.And?.Prefix ?? rule.Prefix ?? '';
  return {
    ID: rule.ID,
    Status: rule.Status,
    Prefix: prefix,
    ...(rule.Expiration?.Days !== undefined ? { ExpirationDays: rule.Expiration.Days } : {}),
    ...(rule.Expiration?.ExpiredObjectDeleteMarker ? { ExpiredObjectDeleteMarker: true } : {}),
    ...(rule.NoncurrentVersionExpiration?.NoncurrentDays !== undefined
      ? { NoncurrentDays: rule.NoncurrentVersionExpiration.NoncurrentDays }
      : {}),
    ...(rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation !== undefined
      ? { AbortMultipartDays: rule.AbortIncompleteMultipartUpload.DaysAfterInitiation }
      : {}),
  };
}

/** The existing rules that are not Guestpass's, followed by Guestpass's own. */
export function mergeLifecycleRules(existing: LifecycleRule[], noncurrentVersionDays: number): LifecycleRule[] {
  return [...existing.filter((r) => !r.ID?.startsWith(MANAGED_RULE_PREFIX)), ...lifecycleRules(noncurrentVersionDays)];
}

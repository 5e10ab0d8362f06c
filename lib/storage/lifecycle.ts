import type { LifecycleRule } from '@aws-sdk/client-s3';
import { PREFIX, type UNCHECKED_PREFIXES } from '@/lib/storage/keys';

/** Lifecycle rules Guestpass manages carry this ID prefix; other rules on the bucket are left alone. */
export const MANAGED_RULE_PREFIX = 'guestpass-';

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
 * unless aborted; unchecked uploads expire after a day.
 */
export function lifecycleRules(): LifecycleRule[] {
  return [
    {
      ID: `${MANAGED_RULE_PREFIX}abort-incomplete-multipart-uploads`,
      Status: 'Enabled',
      Filter: { Prefix: '' },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
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

/** The fields that give a rule its meaning, whatever shape the store returns it in (some give `Prefix` instead of `Filter`). */
export function canonicalRule(rule: LifecycleRule): Record<string, unknown> {
  const prefix = rule.Filter?.Prefix ?? rule.Filter?.And?.Prefix ?? rule.Prefix ?? '';
  return {
    ID: rule.ID,
    Status: rule.Status,
    Prefix: prefix,
    ...(rule.Expiration?.Days !== undefined ? { ExpirationDays: rule.Expiration.Days } : {}),
    ...(rule.NoncurrentVersionExpiration?.NoncurrentDays !== undefined
      ? { NoncurrentDays: rule.NoncurrentVersionExpiration.NoncurrentDays }
      : {}),
    ...(rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation !== undefined
      ? { AbortMultipartDays: rule.AbortIncompleteMultipartUpload.DaysAfterInitiation }
      : {}),
  };
}

/** The existing rules that are not Guestpass's, followed by Guestpass's own. */
export function mergeLifecycleRules(existing: LifecycleRule[]): LifecycleRule[] {
  return [...existing.filter((r) => !r.ID?.startsWith(MANAGED_RULE_PREFIX)), ...lifecycleRules()];
}

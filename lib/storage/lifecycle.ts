import type { LifecycleRule } from '@aws-sdk/client-s3';
import { PREFIX } from '@/lib/storage/keys';

/** Lifecycle rules Guestpass manages carry this ID prefix; other rules on the bucket are left alone. */
export const MANAGED_RULE_PREFIX = 'guestpass-';

/**
 * The bucket's lifecycle rules. An abandoned multipart upload keeps its parts (and its cost) forever
 * unless aborted; a quarantined avatar that was never verified within a day never will be.
 */
export function lifecycleRules(): LifecycleRule[] {
  return [
    {
      ID: `${MANAGED_RULE_PREFIX}abort-incomplete-multipart-uploads`,
      Status: 'Enabled',
      Filter: { Prefix: '' },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    },
    {
      ID: `${MANAGED_RULE_PREFIX}expire-quarantined-avatars`,
      Status: 'Enabled',
      Filter: { Prefix: PREFIX.avatarQuarantine },
      Expiration: { Days: 1 },
      // With versioning on, expiry only adds a delete marker: also drop the old versions.
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    },
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

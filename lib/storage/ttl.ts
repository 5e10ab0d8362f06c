import 'server-only';
import { env } from '@/lib/env';
import { HARD_CAP, URL_PURPOSE_IDS, URL_PURPOSES, type UrlPurpose } from '@/lib/storage/url-purposes';

/**
 * Every pre-signed URL the app issues has one of the purposes in lib/storage/url-purposes.ts, and its
 * lifetime comes from here alone. A pre-signed URL cannot be recalled once issued, so lifetimes stay
 * short: minutes for uploads, an hour for downloads, a day at most for invoice links.
 */
export type { UrlPurpose };

export type TtlPolicy = Record<UrlPurpose, number> & { hardCap: number };

export function ttlPolicy(): TtlPolicy {
  const perPurpose = Object.fromEntries(URL_PURPOSE_IDS.map((p) => [p, env[URL_PURPOSES[p].variable]])) as Record<
    UrlPurpose,
    number
  >;
  return { ...perPurpose, hardCap: env[HARD_CAP.variable] };
}

/** The policy as admins see it on /admin/storage: every purpose, then the hard cap. */
export function ttlTable(policy: TtlPolicy = ttlPolicy()): { label: string; variable: string; seconds: number }[] {
  return [
    ...URL_PURPOSE_IDS.map((p) => ({
      label: URL_PURPOSES[p].label,
      variable: URL_PURPOSES[p].variable,
      seconds: policy[p],
    })),
    { label: HARD_CAP.label, variable: HARD_CAP.variable, seconds: policy.hardCap },
  ];
}

/** The lifetime, in seconds, of a URL issued for `purpose`; a shorter one may be asked for, never a longer one. */
export function ttlSeconds(purpose: UrlPurpose, requested?: number): number {
  const policy = ttlPolicy();
  const allowed = Math.min(policy[purpose], policy.hardCap);
  if (requested === undefined) return allowed;
  if (!Number.isInteger(requested) || requested < 1)
    throw new RangeError(`TTL must be a positive whole number of seconds, got ${requested}`);
  return Math.min(requested, allowed);
}

/** The longest lifetime of any URL the app issues: the bucket policy denies signatures older than this. */
export function longestTtlSeconds(policy: TtlPolicy = ttlPolicy()): number {
  return Math.min(Math.max(...URL_PURPOSE_IDS.map((p) => policy[p])), policy.hardCap);
}

export interface EffectiveTtl {
  seconds: number;
  /** True when the signing credentials expire before the policy's lifetime would end. */
  cappedByCredentials: boolean;
}

/**
 * A pre-signed URL stops working at the earlier of its own expiry and the expiry of the credentials
 * that signed it (role sessions last hours). Capping the TTL here means the expiry shown to a user is
 * the real one, never a promise the link cannot keep.
 */
export function effectiveTtl(ttl: number, credentialsExpireAt: Date | undefined, signedAt: Date): EffectiveTtl {
  if (!credentialsExpireAt) return { seconds: ttl, cappedByCredentials: false };
  const remaining = Math.floor((credentialsExpireAt.getTime() - signedAt.getTime()) / 1000);
  if (remaining < 1)
    throw new Error(
      `the signing credentials expired at ${credentialsExpireAt.toISOString()}; refresh them before signing`,
    );
  return remaining < ttl
    ? { seconds: remaining, cappedByCredentials: true }
    : { seconds: ttl, cappedByCredentials: false };
}

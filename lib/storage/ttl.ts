import 'server-only';
import { env } from '@/lib/env';

/**
 * Every pre-signed URL the app issues has one of these purposes, and its lifetime comes from here
 * alone. A pre-signed URL cannot be recalled once issued, so lifetimes stay short: minutes for
 * uploads, an hour for downloads, a day at most for invoice links.
 */
export type UrlPurpose = 'upload' | 'download' | 'invoice' | 'shareClick' | 'rawShare';

export interface TtlPolicy {
  upload: number;
  download: number;
  invoice: number;
  shareClick: number;
  rawShare: number;
  hardCap: number;
}

export function ttlPolicy(): TtlPolicy {
  return {
    upload: env.TTL_UPLOAD_SECONDS,
    download: env.TTL_DOWNLOAD_SECONDS,
    invoice: env.TTL_INVOICE_SECONDS,
    shareClick: env.TTL_SHARE_CLICK_SECONDS,
    rawShare: env.TTL_RAW_SHARE_SECONDS,
    hardCap: env.TTL_HARD_CAP_SECONDS,
  };
}

/** The lifetime, in seconds, of a URL issued for `purpose`; a shorter one may be asked for, never a longer one. */
export function ttlSeconds(purpose: UrlPurpose, requested?: number): number {
  const policy = ttlPolicy();
  const allowed = Math.min(policy[purpose], policy.hardCap);
  if (requested === undefined) return allowed;
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`TTL must be a positive whole number of seconds, got ${requested}`);
  return Math.min(requested, allowed);
}

/** The longest lifetime of any URL the app issues: the bucket policy denies signatures older than this. */
export function longestTtlSeconds(policy: TtlPolicy = ttlPolicy()): number {
  return Math.min(Math.max(policy.upload, policy.download, policy.invoice, policy.shareClick, policy.rawShare), policy.hardCap);
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
  if (remaining < 1) throw new Error(`the signing credentials expired at ${credentialsExpireAt.toISOString()}; refresh them before signing`);
  return remaining < ttl ? { seconds: remaining, cappedByCredentials: true } : { seconds: ttl, cappedByCredentials: false };
}

import 'server-only';
import { env } from '@/lib/env';

/**
 * Every pre-signed URL the app issues has one of these purposes, and its lifetime comes from here
 * alone. A pre-signed URL cannot be recalled once issued, so lifetimes stay short: minutes for
 * uploads, an hour for downloads, a day at most for invoice links.
 */
export type UrlPurpose = 'upload' | 'download' | 'invoice' | 'shareClick';

export interface TtlPolicy {
  upload: number;
  download: number;
  invoice: number;
  shareClick: number;
  hardCap: number;
}

export function ttlPolicy(): TtlPolicy {
  return {
    upload: env.TTL_UPLOAD_SECONDS,
    download: env.TTL_DOWNLOAD_SECONDS,
    invoice: env.TTL_INVOICE_SECONDS,
    shareClick: env.TTL_SHARE_CLICK_SECONDS,
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

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A value the server hands out and later trusts without storing it: `<id>.<expiresEpochSeconds>.<mac>`,
 * where the HMAC (keyed with AUTH_SECRET) covers a purpose label, the id, any values it is bound to
 * and the expiry. A token of one purpose is useless for another, changing a bound value (a share's
 * password) invalidates every token bound to the old one, and nothing in it can be edited.
 */

function mac(purpose: string, id: string, bound: readonly string[], expiresEpoch: number, secret: string): Buffer {
  return createHmac('sha256', secret)
    .update([purpose, id, ...bound, String(expiresEpoch)].join('\n'))
    .digest();
}

export function signExpiringToken(
  purpose: string,
  id: string,
  expiresAt: Date,
  secret: string,
  bound: readonly string[] = [],
): string {
  const expiresEpoch = Math.floor(expiresAt.getTime() / 1000);
  return `${id}.${expiresEpoch}.${mac(purpose, id, bound, expiresEpoch, secret).toString('base64url')}`;
}

export type ExpiringTokenReading =
  { valid: true; id: string; expiresAt: Date } | { valid: false; reason: 'malformed' | 'forged' | 'expired' };

/** Reads a token; `bound` gives the values it must be bound to, from its id. */
export function readExpiringToken(
  value: string | undefined,
  purpose: string,
  secret: string,
  options: { now?: Date; bound?: (id: string) => readonly string[] } = {},
): ExpiringTokenReading {
  const [id, epochText, signature, ...rest] = (value ?? '').split('.');
  if (rest.length || !id || !/^\d{1,12}$/.test(epochText ?? '') || !/^[A-Za-z0-9_-]{43}$/.test(signature ?? ''))
    return { valid: false, reason: 'malformed' };
  const expiresEpoch = Number(epochText);
  const expected = mac(purpose, id, options.bound?.(id) ?? [], expiresEpoch, secret);
  if (!timingSafeEqual(Buffer.from(signature, 'base64url'), expected)) return { valid: false, reason: 'forged' };
  const expiresAt = new Date(expiresEpoch * 1000);
  if (expiresAt.getTime() <= (options.now ?? new Date()).getTime()) return { valid: false, reason: 'expired' };
  return { valid: true, id, expiresAt };
}

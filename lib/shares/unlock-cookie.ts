import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The cookie that remembers a partner typed the share's password. It is scoped to that one link's
 * path (/s/{token}), httpOnly, and its value is `<recipientId>.<expiresEpochSeconds>.<hmac>`, where
 * the HMAC (keyed with AUTH_SECRET) covers the recipient and the share's current password hash: a
 * cookie is useless for any other link, and changing or removing the password re-locks every link.
 */
export const UNLOCK_COOKIE = 'gp_share_unlock';

export interface UnlockBinding {
  recipientId: string;
  /** The share's password hash at the time of unlocking. */
  passwordHash: string;
}

function mac(binding: UnlockBinding, expiresEpoch: number, secret: string): Buffer {
  return createHmac('sha256', secret)
    .update(`share-unlock\n${binding.recipientId}\n${binding.passwordHash}\n${expiresEpoch}`)
    .digest();
}

export function signUnlockCookie(binding: UnlockBinding, expiresAt: Date, secret: string): string {
  const expiresEpoch = Math.floor(expiresAt.getTime() / 1000);
  return `${binding.recipientId}.${expiresEpoch}.${mac(binding, expiresEpoch, secret).toString('base64url')}`;
}

export function verifyUnlockCookie(
  value: string | undefined,
  binding: UnlockBinding,
  secret: string,
  now: Date = new Date(),
): boolean {
  if (!value) return false;
  const [recipientId, epochText, signature, ...rest] = value.split('.');
  if (rest.length || recipientId !== binding.recipientId || !/^\d{1,12}$/.test(epochText ?? '') || !signature)
    return false;
  const expiresEpoch = Number(epochText);
  if (expiresEpoch * 1000 <= now.getTime()) return false;
  const expected = mac(binding, expiresEpoch, secret);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The path the cookie is scoped to: the link's page and its file routes, nothing else. */
export function unlockCookiePath(token: string): string {
  return `/s/${token}`;
}

/** Every value of the unlock cookie in a Cookie header (route handlers get the raw request). */
export function unlockCookiesFrom(cookieHeader: string | null): string[] {
  return (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${UNLOCK_COOKIE}=`))
    .map((part) => decodeURIComponent(part.slice(UNLOCK_COOKIE.length + 1)));
}

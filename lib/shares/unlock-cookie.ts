import { expiringTokenMatchesSql, readExpiringToken, signExpiringToken } from '@/lib/expiring-token';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * The cookie that remembers a partner typed the share's password. It is scoped to that one link's
 * path (/s/{token}), httpOnly, and its value is `<recipientId>.<expiresEpochSeconds>.<hmac>`, where
 * the HMAC (keyed with AUTH_SECRET) covers the recipient and the share's current password hash: a
 * cookie is useless for any other link, and changing or removing the password re-locks every link.
 */
export const UNLOCK_COOKIE = 'gp_share_unlock';

/** The cookie's name: `__Secure-` prefixed when served over https (`__Host-` needs Path=/, and this cookie's path is the link's). */
export function unlockCookieName(secure: boolean): string {
  return secure ? `__Secure-${UNLOCK_COOKIE}` : UNLOCK_COOKIE;
}

export interface UnlockBinding {
  recipientId: string;
  /** The share's password hash at the time of unlocking. */
  passwordHash: string;
}

const PURPOSE = 'share-unlock';

export function signUnlockCookie(binding: UnlockBinding, expiresAt: Date, secret: string): string {
  return signExpiringToken(PURPOSE, binding.recipientId, expiresAt, secret, [binding.passwordHash]);
}

export function verifyUnlockCookie(
  value: string | undefined,
  binding: UnlockBinding,
  secret: string,
  now: Date = new Date(),
): boolean {
  const reading = readExpiringToken(value, PURPOSE, secret, { now, bound: () => [binding.passwordHash] });
  return reading.valid && reading.id === binding.recipientId;
}

/** verifyUnlockCookie for any of `values`, as an SQL condition over the link's own columns. */
export function unlockCookieMatchesSql(
  values: readonly string[],
  binding: { recipientId: Prisma.Sql; passwordHash: Prisma.Sql },
  secret: string,
  now: Date = new Date(),
): Prisma.Sql {
  return expiringTokenMatchesSql(
    values,
    PURPOSE,
    { id: binding.recipientId, bound: [binding.passwordHash] },
    secret,
    now,
  );
}

/** The path the cookie is scoped to: the link's page and its file routes, nothing else. */
export function unlockCookiePath(token: string): string {
  return `/s/${token}`;
}

/** Every value of the unlock cookie `name` in a Cookie header (route handlers get the raw request). */
export function unlockCookiesFrom(cookieHeader: string | null, name: string): string[] {
  return (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => {
      try {
        return decodeURIComponent(part.slice(name.length + 1));
      } catch {
        return ''; // a malformed escape (%E0%A4%A) is a value that unlocks nothing, not a 500
      }
    });
}

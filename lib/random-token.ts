import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: 256 bits, written as 43 base64url characters. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new secret for a link (share links, account links). It is shown or mailed once and never
 * stored: the database keeps only its hash, so a leaked database copy opens nothing.
 */
export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * SHA-256 of the token, hex. A fast hash is enough here (unlike passwords): the token has 256 bits
 * of entropy, so there is nothing to brute-force.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string has the shape of a token we issue (anything else cannot match a hash). */
export function looksLikeToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';

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

interface TokenParts {
  id: string;
  expiresEpoch: number;
  signature: Buffer;
}

/** The parts of a well-formed token (nothing verified yet). */
function parseExpiringToken(value: string | undefined): TokenParts | null {
  const [id, epochText, signature, ...rest] = (value ?? '').split('.');
  if (rest.length || !id || !/^\d{1,12}$/.test(epochText ?? '') || !/^[A-Za-z0-9_-]{43}$/.test(signature ?? ''))
    return null;
  return { id, expiresEpoch: Number(epochText), signature: Buffer.from(signature, 'base64url') };
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
  const parts = parseExpiringToken(value);
  if (!parts) return { valid: false, reason: 'malformed' };
  const { id, expiresEpoch, signature } = parts;
  const expected = mac(purpose, id, options.bound?.(id) ?? [], expiresEpoch, secret);
  if (!timingSafeEqual(signature, expected)) return { valid: false, reason: 'forged' };
  const expiresAt = new Date(expiresEpoch * 1000);
  if (expiresAt.getTime() <= (options.now ?? new Date()).getTime()) return { valid: false, reason: 'expired' };
  return { valid: true, id, expiresAt };
}

/**
 * readExpiringToken as an SQL condition, for statements that decide a click in one round trip when
 * a bound value (a share's password hash) is only in the database: true when one of `values` is an
 * unexpired token of `purpose` for the id `id` bound to `bound`. HMAC-SHA256 is written out with
 * PostgreSQL's built-in sha256(): the key's inner and outer pads are computed here, so the secret
 * itself never reaches the database. The MACs are compared through their hashes, so the comparison's
 * timing says nothing about the expected value.
 */
export function expiringTokenMatchesSql(
  values: readonly string[],
  purpose: string,
  { id, bound }: { id: Prisma.Sql; bound: readonly Prisma.Sql[] },
  secret: string,
  now: Date = new Date(),
): Prisma.Sql {
  const tokens = values
    .map(parseExpiringToken)
    .filter((t): t is TokenParts => t !== null && t.expiresEpoch * 1000 > now.getTime());
  if (!tokens.length) return Prisma.sql`false`;
  // RFC 2104: a key longer than the hash's block is hashed first, then zero-padded to the block.
  const block = Buffer.alloc(64);
  const raw = Buffer.from(secret, 'utf8');
  (raw.length > 64 ? createHash('sha256').update(raw).digest() : raw).copy(block);
  const pad = (byte: number) => Buffer.from(block.map((b) => b ^ byte)).toString('hex');
  const fields = [Prisma.sql`${purpose}::text`, Prisma.sql`t.id`, ...bound, Prisma.sql`t.epoch`];
  const message = Prisma.sql`convert_to(${Prisma.join(fields, " || E'\\n' || ")}, 'UTF8')`;
  const expected = Prisma.sql`sha256(decode(${pad(0x5c)}, 'hex') || sha256(decode(${pad(0x36)}, 'hex') || ${message}))`;
  return Prisma.sql`EXISTS (
    SELECT 1 FROM unnest(${tokens.map((t) => t.id)}::text[], ${tokens.map((t) => String(t.expiresEpoch))}::text[],
      ${tokens.map((t) => t.signature.toString('hex'))}::text[]) AS t(id, epoch, signature)
    WHERE t.id = ${id} AND sha256(decode(t.signature, 'hex')) = sha256(${expected}))`;
}

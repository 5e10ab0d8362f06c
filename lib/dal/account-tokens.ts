import 'server-only';
import { accountLinkUrl, ACCOUNT_LINKS } from '@/lib/accounts/links';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AccountTokenPurpose, UserStatus } from '@/lib/generated/prisma/enums';
import { generateToken, hashToken, looksLikeToken } from '@/lib/random-token';

/**
 * One-time account links (lib/accounts/links.ts lists their kinds). No session check here: issuing
 * is done by DAL functions after their own checks, and using a link is authorised by holding it.
 */

export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/**
 * A new link for `purpose`. An account has at most one live link per purpose: a new one (a resent
 * invitation, a second reset request) voids the earlier, so only the latest mail works.
 */
export async function issueAccountLink(
  tx: Prisma.TransactionClient,
  input: { purpose: AccountTokenPurpose; userId: string | null; newEmail?: string },
  now: Date = new Date(),
): Promise<IssuedLink> {
  if (input.userId)
    await tx.accountToken.deleteMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null } });
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + ACCOUNT_LINKS[input.purpose].ttlSeconds * 1000);
  await tx.accountToken.create({
    data: {
      purpose: input.purpose,
      tokenHash: hashToken(token),
      userId: input.userId,
      newEmail: input.newEmail,
      expiresAt,
    },
  });
  return { url: accountLinkUrl(env.APP_URL, input.purpose, token), expiresAt };
}

export interface UsedLink {
  id: string;
  purpose: AccountTokenPurpose;
  userId: string | null;
  newEmail: string | null;
}

/**
 * Uses a link: one conditional UPDATE that checks its hash, purpose, expiry and that it is unused,
 * and marks it used. Of two requests racing with the same link exactly one gets the row; the other
 * (and any later one) gets null. Run it inside the transaction that does what the link allows, so
 * a failure there leaves the link unused.
 */
export async function useAccountLink(
  tx: Prisma.TransactionClient,
  token: string,
  purposes: readonly AccountTokenPurpose[],
  now: Date = new Date(),
): Promise<UsedLink | null> {
  if (!looksLikeToken(token)) return null;
  const [link] = await tx.accountToken.updateManyAndReturn({
    where: { tokenHash: hashToken(token), purpose: { in: [...purposes] }, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { id: true, purpose: true, userId: true, newEmail: true },
  });
  return link ?? null;
}

export type LinkInspection =
  | {
      state: 'valid';
      purpose: AccountTokenPurpose;
      expiresAt: Date;
      newEmail: string | null;
      user: { name: string; email: string; status: UserStatus } | null;
    }
  | { state: 'used' | 'expired' | 'unknown' };

/** What a link page shows before the form is sent: whose link it is, or why it no longer works. */
export async function inspectAccountLink(
  token: string,
  purposes: readonly AccountTokenPurpose[],
  now: Date = new Date(),
): Promise<LinkInspection> {
  if (!looksLikeToken(token)) return { state: 'unknown' };
  const link = await db.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      purpose: true,
      expiresAt: true,
      usedAt: true,
      newEmail: true,
      user: { select: { name: true, email: true, status: true } },
    },
  });
  if (!link || !(purposes as readonly string[]).includes(link.purpose)) return { state: 'unknown' };
  if (link.usedAt) return { state: 'used' };
  if (link.expiresAt <= now) return { state: 'expired' };
  return { state: 'valid', purpose: link.purpose, expiresAt: link.expiresAt, newEmail: link.newEmail, user: link.user };
}

/** Why a link no longer works, in words that say what to do next. */
export async function deadLinkMessage(token: string, purposes: readonly AccountTokenPurpose[]): Promise<string> {
  const { state } = await inspectAccountLink(token, purposes);
  if (state === 'used') return 'This link has already been used. Each link works once: ask for a new one.';
  if (state === 'expired') return 'This link has expired. Ask for a new one.';
  return 'This link is not valid. Check that you opened the whole link from the mail, or ask for a new one.';
}

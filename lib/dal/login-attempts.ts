import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAt: Date };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Blocks an account after LOGIN_MAX_FAILURES_PER_ACCOUNT failures since its last success, and an IP
 * after LOGIN_MAX_FAILURES_PER_IP failures, both inside a sliding window. Unknown emails count like
 * known ones, so the throttle reveals nothing about which accounts exist.
 */
export async function loginThrottle(
  email: string,
  ip: string,
  now = new Date(),
  client: Prisma.TransactionClient = db,
): Promise<ThrottleVerdict> {
  const windowMs = env.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const account = normalizeEmail(email);
  const lastSuccess = await client.loginAttempt.findFirst({
    where: { email: account, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const checks = [
    {
      where: { email: account, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
      limit: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    },
    { where: { ip, succeeded: false, createdAt: { gte: since } }, limit: env.LOGIN_MAX_FAILURES_PER_IP },
  ];
  let retryAt: Date | undefined;
  for (const { where, limit } of checks) {
    // The window frees a slot when the oldest of the last `limit` failures leaves it.
    const recent = await client.loginAttempt.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true },
    });
    if (recent.length >= limit) {
      const freesAt = new Date(recent[limit - 1].createdAt.getTime() + windowMs);
      if (!retryAt || freesAt > retryAt) retryAt = freesAt;
    }
  }
  return retryAt ? { blocked: true, retryAt } : { blocked: false };
}

export async function recordLoginAttempt(
  email: string,
  ip: string,
  succeeded: boolean,
  client: Prisma.TransactionClient = db,
): Promise<void> {
  await client.loginAttempt.create({ data: { email: normalizeEmail(email), ip, succeeded } });
}

/**
 * Runs one sign-in attempt (check, verify, record) while holding the account's and the IP's
 * transaction-scoped advisory locks, so parallel attempts on one account or from one IP take turns
 * and each sees the failures recorded before it: a burst cannot slip past either limit. Always the
 * account first, then the IP, so two attempts never wait on each other in a cycle. The locks hold
 * across app instances (they live in PostgreSQL) and end with the transaction.
 */
export async function withLoginLocks<T>(
  email: string,
  ip: string,
  attempt: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login-account:${normalizeEmail(email)}`}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login-ip:${ip}`}))`;
      return attempt(tx);
    },
    // Waiting turns under a burst takes a while; a turn itself is one password hash.
    { timeout: 20_000, maxWait: 20_000 },
  );
}

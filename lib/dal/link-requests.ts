import 'server-only';
import { LINK_REQUEST_LIMITS } from '@/lib/accounts/links';
import { db } from '@/lib/db';
import type { LinkRequestKind } from '@/lib/generated/prisma/enums';
import { unlockVerdict } from '@/lib/shares/unlock-throttle';

/**
 * The throttle of mailed links asked for by signed-out visitors ("Forgot password?", "Email me a
 * sign-in link"): LINK_REQUEST_LIMITS per address and per IP inside a sliding window, each kind
 * counted on its own. Every request counts, known address or not, so the limit reveals no accounts.
 */

/** When the next request of this kind for `email` from `ip` may be made; null when it may be made now. */
export async function linkRequestRetryAt(
  kind: LinkRequestKind,
  email: string,
  ip: string,
  now: Date = new Date(),
): Promise<Date | null> {
  const windowMs = LINK_REQUEST_LIMITS.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const verdict = async (where: { email: string } | { ip: string }, maxFailures: number) => {
    const recent = await db.linkRequest.findMany({
      where: { kind, createdAt: { gte: since }, ...where },
      orderBy: { createdAt: 'desc' },
      take: maxFailures,
      select: { createdAt: true },
    });
    return unlockVerdict(
      recent.map((r) => r.createdAt),
      { maxFailures, windowMs },
      now,
    );
  };
  const verdicts = await Promise.all([
    verdict({ email }, LINK_REQUEST_LIMITS.perAddress),
    verdict({ ip }, LINK_REQUEST_LIMITS.perIp),
  ]);
  return verdicts.flatMap((v) => (v.blocked ? [v.retryAt] : [])).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
}

/** Checks the throttle and, when the request may go ahead, counts it. Returns when to retry if it may not. */
export async function admitLinkRequest(
  kind: LinkRequestKind,
  email: string,
  ip: string,
  now: Date = new Date(),
): Promise<Date | null> {
  const retryAt = await linkRequestRetryAt(kind, email, ip, now);
  if (!retryAt) await db.linkRequest.create({ data: { kind, email, ip, createdAt: now } });
  return retryAt;
}

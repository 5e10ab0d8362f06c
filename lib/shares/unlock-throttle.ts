/**
 * Wrong passwords on a share link are throttled per recipient: after `maxFailures` failures inside a
 * sliding window (counted since the last successful unlock), further attempts wait until the oldest
 * of those failures leaves the window. The failures themselves live in the database (the access log),
 * so the limit holds across restarts and app instances.
 */
export type UnlockVerdict = { blocked: false } | { blocked: true; retryAt: Date };

export interface UnlockThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

/** `recentFailures`: failure times inside the window since the last success, newest first. */
export function unlockVerdict(
  recentFailures: Date[],
  policy: UnlockThrottlePolicy,
  now: Date = new Date(),
): UnlockVerdict {
  const inWindow = recentFailures.filter((at) => now.getTime() - at.getTime() < policy.windowMs);
  if (inWindow.length < policy.maxFailures) return { blocked: false };
  const freesAt = new Date(inWindow[policy.maxFailures - 1].getTime() + policy.windowMs);
  return { blocked: true, retryAt: freesAt };
}

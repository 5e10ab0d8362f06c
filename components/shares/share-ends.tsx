import { RelativeTime } from '@/components/ui/relative-time';
import type { ShareStatus } from '@/lib/shares/link-state';

/**
 * When a share's access ends, or why it already has: a live share counts down to its expiry, an
 * expired one says since when, a revoked one says it was revoked and when (never "ends in 7 days").
 */
export function ShareEnds({
  share,
  stacked,
}: {
  share: { status: ShareStatus; expiresAt: Date; revokedAt: Date | null };
  stacked?: boolean;
}) {
  if (share.status === 'revoked' && share.revokedAt)
    return <RelativeTime words="Revoked" value={share.revokedAt} stacked={stacked} />;
  return (
    <RelativeTime words={share.status === 'expired' ? 'Expired' : 'Ends'} value={share.expiresAt} stacked={stacked} />
  );
}

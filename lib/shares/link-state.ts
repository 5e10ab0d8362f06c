/**
 * Whether a recipient's link still opens, and if not, why. Pure, so the page, the download route and
 * the admin views all agree.
 */
export type DeadReason = 'revoked' | 'expired' | 'exhausted';
export type LinkState = { live: true } | { live: false; reason: DeadReason };

export interface LinkFacts {
  shareRevokedAt: Date | null;
  recipientRevokedAt: Date | null;
  expiresAt: Date;
  /** Per recipient; null means unlimited. */
  maxDownloads: number | null;
  downloadCount: number;
}

export function linkState(facts: LinkFacts, now: Date = new Date()): LinkState {
  if (facts.shareRevokedAt || facts.recipientRevokedAt) return { live: false, reason: 'revoked' };
  if (facts.expiresAt.getTime() <= now.getTime()) return { live: false, reason: 'expired' };
  if (facts.maxDownloads !== null && facts.downloadCount >= facts.maxDownloads)
    return { live: false, reason: 'exhausted' };
  return { live: true };
}

export type ShareStatus = 'active' | 'revoked' | 'expired';

/** A whole share's state, for the admin views (each recipient's link has its own, above). */
export function shareStatus(share: { revokedAt: Date | null; expiresAt: Date }, now: Date = new Date()): ShareStatus {
  if (share.revokedAt) return 'revoked';
  return share.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/** What a partner is told, per outcome. The same words on the page and in the download route. */
export const DEAD_LINK_COPY: Record<DeadReason | 'notFound', { status: number; title: string; body: string }> = {
  notFound: {
    status: 404,
    title: 'Link not found',
    body: 'This link does not exist. Check that you copied the whole address, or ask the sender for a new link.',
  },
  revoked: {
    status: 410,
    title: 'This link has been revoked',
    body: 'The sender has withdrawn access to these files. If you still need them, ask the sender for a new link.',
  },
  expired: {
    status: 410,
    title: 'This link has expired',
    body: 'Access to these files has ended. If you still need them, ask the sender to extend the link or send a new one.',
  },
  exhausted: {
    status: 410,
    title: 'Download limit reached',
    body: 'This link has been used for as many downloads as the sender allowed. Ask the sender if you need more.',
  },
};

import { messagePageHtml, messagePageResponse } from '@/lib/message-page';
import { DEAD_LINK_COPY, type DeadReason } from '@/lib/shares/link-state';

export type DeadLinkKind = DeadReason | 'notFound';

/**
 * The page the download route answers with when a link does not open (404 or 410). It carries no
 * details of the share, so it reveals nothing beyond the status the spec gives.
 */
export function deadLinkHtml(kind: DeadLinkKind): string {
  const { title, body } = DEAD_LINK_COPY[kind];
  return messagePageHtml(title, body);
}

export function deadLinkResponse(kind: DeadLinkKind): Response {
  const { title, body, status } = DEAD_LINK_COPY[kind];
  return messagePageResponse(title, body, status);
}

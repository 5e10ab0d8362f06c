import { StatusNotice } from '@/components/ui/status-notice';
import { DEAD_LINK_COPY, type DeadReason } from '@/lib/shares/link-state';

/** The partner page's version of the download route's 404/410 page: the same words. */
export function DeadLinkNotice({ kind }: { kind: DeadReason | 'notFound' }) {
  const { title, body } = DEAD_LINK_COPY[kind];
  return (
    <StatusNotice title={title}>
      <p>{body}</p>
    </StatusNotice>
  );
}

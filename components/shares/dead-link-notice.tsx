import { DEAD_LINK_COPY } from '@/lib/shares/link-state';
import type { DeadLinkKind } from '@/lib/shares/dead-link-page';

/** The partner page's version of the download route's 404/410 page: the same words. */
export function DeadLinkNotice({ kind }: { kind: DeadLinkKind }) {
  const { title, body } = DEAD_LINK_COPY[kind];
  return (
    <div className="text-center">
      <h1 className="text-xl font-bold text-slate-900">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
    </div>
  );
}

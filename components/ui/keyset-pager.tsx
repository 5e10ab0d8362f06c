import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';
import type { KeysetCursors } from '@/lib/dal/keyset';

/** Previous and next page links of a keyset-paged list; `href` builds a page's URL from its cursor. */
export function KeysetPager({
  cursors,
  href,
}: {
  cursors: KeysetCursors;
  href: (cursor: { before: string } | { after: string }) => string;
}) {
  if (!cursors.previousBefore && !cursors.nextAfter) return null;
  return (
    <nav aria-label="Pages" className="flex justify-between border-t border-slate-200 px-4 py-3">
      {cursors.previousBefore ? (
        <Link href={href({ before: cursors.previousBefore })} className={buttonStyles.secondary}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      {cursors.nextAfter && (
        <Link href={href({ after: cursors.nextAfter })} className={buttonStyles.secondary}>
          Next page
        </Link>
      )}
    </nav>
  );
}

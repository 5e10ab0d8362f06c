import { DateTime } from '@/components/ui/date-time';
import { formatRelative } from '@/lib/format';

/**
 * "in 3 days (2 Dec 2026, 10:00:00 UTC)": how far away an instant is, with the exact time beside it
 * (or below it: `stacked`). `words` goes first: "Revoked 2 hours ago (…)".
 */
export function RelativeTime({ value, words, stacked = false }: { value: Date; words?: string; stacked?: boolean }) {
  const relative = words ? `${words} ${formatRelative(value)}` : formatRelative(value);
  return (
    <>
      {relative}
      {stacked ? <br /> : ' '}
      <span className="text-xs text-slate-500">
        {stacked ? (
          <DateTime value={value} />
        ) : (
          <>
            (<DateTime value={value} />)
          </>
        )}
      </span>
    </>
  );
}

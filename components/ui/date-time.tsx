'use client';

import { useSyncExternalStore } from 'react';
import { formatDateTime } from '@/lib/format';

const noSubscription = () => () => {};

/** False during server rendering and hydration, true after: for values only the browser knows (its time zone). */
export function useMounted(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * The one way the app shows an instant: in the reader's own time zone, with UTC on hover. The
 * server renders UTC (it does not know the reader's zone); the browser then shows local time.
 */
export function DateTime({ value }: { value: Date | string }) {
  const mounted = useMounted();
  const date = new Date(value);
  const utc = formatDateTime(date, 'UTC');
  return (
    <time dateTime={date.toISOString()} title={utc}>
      {mounted ? formatDateTime(date) : utc}
    </time>
  );
}

'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** False during server rendering and hydration, true after: for values only the browser knows (its time zone). */
export function useMounted(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

const utc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * An absolute date and time in the reader's own time zone. The server renders it in UTC (it does not
 * know the reader's zone); the browser then shows local time.
 */
export function LocalDateTime({ iso }: { iso: string }) {
  const mounted = useMounted();
  const date = new Date(iso);
  const text = mounted ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : `${utc.format(date)} UTC`;
  return <time dateTime={iso}>{text}</time>;
}

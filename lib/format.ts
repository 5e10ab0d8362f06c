/**
 * "29 Nov 2026, 14:50:12 CET": every instant the app shows, in `timeZone` (default: the runtime's,
 * which in the browser is the reader's). A fixed locale, so that every page reads the same.
 * Show it through components/ui/date-time.tsx, which adds UTC on hover.
 */
export function formatDateTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'long', timeZone }).format(date);
}

const UNITS = [
  // Days only from two on: a one-day link lifetime reads as "24 hours".
  { unit: 'day', seconds: 86_400, from: 2 * 86_400 },
  { unit: 'hour', seconds: 3_600, from: 3_600 },
  { unit: 'minute', seconds: 60, from: 60 },
] as const;

/**
 * 604800 → "7 days", 86400 → "24 hours", 5400 → "90 minutes": a length of time in the largest unit
 * that states it exactly (a link lifetime is never rounded up). `approximate` rounds first, to whole
 * seconds under a minute and whole minutes above (an estimate such as an upload's time left).
 */
export function formatDuration(seconds: number, options: { approximate?: boolean } = {}): string {
  const exact = options.approximate ? (seconds < 60 ? Math.round(seconds) : Math.round(seconds / 60) * 60) : seconds;
  const fit = UNITS.find((u) => exact >= u.from && exact % u.seconds === 0);
  const [value, unit] = fit ? [exact / fit.seconds, fit.unit] : [exact, 'second'];
  return formatCount(value, unit);
}

/**
 * "in 14 minutes", "in 2 hours", "3 days ago": how long until (or since) `date`, for messages and
 * expiry labels; "just now" within a few seconds either way ("Revoked just now", not "in 0 seconds").
 */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const past = seconds < 0;
  const abs = Math.abs(seconds);
  if (abs < 5) return 'just now';
  const [value, unit] =
    abs < 60
      ? [abs, 'second']
      : abs < 3600
        ? [Math.round(abs / 60), 'minute']
        : abs < 86_400
          ? [Math.round(abs / 3600), 'hour']
          : [Math.round(abs / 86_400), 'day'];
  const phrase = formatCount(value, unit);
  return past ? `${phrase} ago` : `in ${phrase}`;
}

/** "1 file", "3 files": a count with its noun (nouns whose plural is a plain -s). */
export function formatCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts.at(-1)![0] : '')).toUpperCase();
}

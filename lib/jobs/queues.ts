import type { QueueOptions } from 'pg-boss';

/**
 * Every job queue, with its retry policy, in one table. pg-boss keeps the jobs in PostgreSQL (its own
 * schema, `pgboss`), so they survive restarts, and hands each job to one worker across all instances.
 */
export const QUEUES = {
  /** One job per outbox row (MailMessage). Backoff 5 s, 10 s, 20 s … capped at 30 min: about 3.5 h of retries. */
  mail: { retryLimit: 15, retryDelay: 5, retryBackoff: true, retryDelayMax: 1800, expireInSeconds: 120 },
  /** Hourly upkeep (CLEANUP_SCHEDULE); a failed run is simply done again at the next tick. */
  'storage-cleanup': { retryLimit: 0, expireInSeconds: 1800 },
  'storage-cleanup-multipart': { retryLimit: 0, expireInSeconds: 1800 },
  'records-cleanup': { retryLimit: 0, expireInSeconds: 1800 },
} as const satisfies Record<string, QueueOptions>;
export type QueueName = keyof typeof QUEUES;

export const SCHEDULED_QUEUES = [
  'storage-cleanup',
  'storage-cleanup-multipart',
  'records-cleanup',
] as const satisfies QueueName[];

/** The schema pg-boss creates and migrates itself; Prisma only diffs `public`, so they never meet. */
export const JOBS_SCHEMA = 'pgboss';

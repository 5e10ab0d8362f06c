import 'server-only';
import type { PgBoss } from 'pg-boss';
import { DEFAULT_STALE_QUARANTINE_SECONDS } from '@/lib/dal/avatar-cleanup';
import { env } from '@/lib/env';
import { startBoss } from '@/lib/jobs/boss';
import { cleanupMultipartUploads, cleanupRecords, cleanupStorage } from '@/lib/jobs/cleanup';
import { QUEUES, SCHEDULED_QUEUES, type QueueName } from '@/lib/jobs/queues';
import { deliverMail } from '@/lib/mail/deliver';

export interface Worker {
  /** Stops fetching, waits up to `timeoutMs` for running jobs, and closes the pool. */
  stop(timeoutMs?: number): Promise<void>;
}

const SCHEDULED_TASKS: Record<(typeof SCHEDULED_QUEUES)[number], () => Promise<string>> = {
  'storage-cleanup': () => cleanupStorage(DEFAULT_STALE_QUARANTINE_SECONDS),
  'storage-cleanup-multipart': cleanupMultipartUploads,
  'records-cleanup': cleanupRecords,
};

const log = (queue: QueueName, message: string) => console.info(`[jobs] ${queue}: ${message}`);

/**
 * Runs the app's jobs in this process: mail delivery, and the upkeep on CLEANUP_SCHEDULE.
 * Any number of processes may run one: pg-boss hands each job to one of them, and each cron tick
 * becomes one job (the schedule is stored in PostgreSQL, not kept per process), so no cron is needed.
 */
export async function startWorker(): Promise<Worker> {
  const boss: PgBoss = await startBoss('worker');
  // Four sends at a time per process, so a backlog (after an SMTP outage) clears in minutes.
  await boss.work<{ messageId: string }>('mail', { localConcurrency: 4, pollingIntervalSeconds: 1 }, async ([job]) => {
    const lastAttempt = job.retryCount >= QUEUES.mail.retryLimit;
    const outcome = await deliverMail(job.data.messageId, { lastAttempt });
    log('mail', `${job.data.messageId} ${outcome}`);
  });
  for (const queue of SCHEDULED_QUEUES) {
    // schedule() replaces the stored schedule, so every instance agrees on the latest CLEANUP_SCHEDULE.
    await boss.schedule(queue, env.CLEANUP_SCHEDULE, null, { tz: 'UTC' });
    await boss.work(queue, async ([job]) => log(queue, `${job.id} ${await SCHEDULED_TASKS[queue]()}`));
  }
  return { stop: (timeoutMs = 20_000) => boss.stop({ graceful: true, timeout: timeoutMs }) };
}

/**
 * The worker inside a Next server process. Next's own SIGTERM/SIGINT handlers drain requests and
 * then exit, which would cut a mail off mid-send: take them over, stop the worker first (a running
 * job finishes), then hand the signal on to them.
 */
export async function startWorkerInApp(): Promise<void> {
  const worker = await startWorker();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const nextHandlers = process.listeners(signal);
    process.removeAllListeners(signal);
    process.once(signal, async () => {
      await worker.stop().catch((error) => console.error('[jobs] stop failed:', error));
      if (nextHandlers.length === 0) process.exit(0);
      for (const handler of nextHandlers) handler(signal);
    });
  }
}

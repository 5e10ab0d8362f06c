import 'server-only';
import { PgBoss, type ConstructorOptions } from 'pg-boss';
import { env } from '@/lib/env';
import { JOBS_SCHEMA, QUEUES, type QueueName } from '@/lib/jobs/queues';

/**
 * A started pg-boss with every queue of lib/jobs/queues.ts created. `role: 'producer'` only sends
 * (request handlers, CLI scripts); `'worker'` also supervises and runs the cron clock.
 */
export async function startBoss(role: 'producer' | 'worker', options: ConstructorOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    schema: JOBS_SCHEMA,
    max: role === 'worker' ? 4 : 2,
    supervise: role === 'worker',
    schedule: role === 'worker',
    ...options,
  });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  for (const [name, policy] of Object.entries(QUEUES)) await ensureQueue(boss, name as QueueName, policy);
  return boss;
}

async function ensureQueue(boss: PgBoss, name: QueueName, policy: (typeof QUEUES)[QueueName]) {
  if (await boss.getQueue(name)) return boss.updateQueue(name, policy);
  // Two instances starting at once may both see no queue: the loser's create fails, and that is fine.
  await boss.createQueue(name, policy).catch(async (error) => {
    if (!(await boss.getQueue(name))) throw error;
  });
}

// One producer per process (Next bundles route code and instrumentation separately: share it globally).
const globalForBoss = globalThis as unknown as { guestpassProducer?: Promise<PgBoss> };

/** The process's producer, started on first use; enqueue through it (see lib/mail/queue.ts). */
export function producer(): Promise<PgBoss> {
  globalForBoss.guestpassProducer ??= startBoss('producer').catch((error) => {
    globalForBoss.guestpassProducer = undefined;
    throw error;
  });
  return globalForBoss.guestpassProducer;
}

/** Stops the producer (CLI scripts, before they exit). */
export async function stopProducer(): Promise<void> {
  const started = globalForBoss.guestpassProducer;
  globalForBoss.guestpassProducer = undefined;
  if (started) await (await started).stop({ graceful: false });
}

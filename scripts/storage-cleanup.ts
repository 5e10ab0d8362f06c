// npm run storage:cleanup [-- --older-than-minutes N]: removes photo uploads nobody confirmed in
// time (rows and quarantined objects), quarantined objects older than N minutes (default 60) that
// no pending upload waits for, and invoices whose PDF upload was abandoned more than N minutes ago.
// The job worker runs the same task on CLEANUP_SCHEDULE (hourly); this is for a run by hand.
import { loadEnv } from '@/lib/env';
import { parseArgs } from 'node:util';
import { DEFAULT_STALE_QUARANTINE_SECONDS } from '@/lib/dal/avatar-cleanup';
import { db } from '@/lib/db';
import { cleanupStorage } from '@/lib/jobs/cleanup';

loadEnv('storage:cleanup');

const { values } = parseArgs({
  options: { 'older-than-minutes': { type: 'string', default: String(DEFAULT_STALE_QUARANTINE_SECONDS / 60) } },
});
const minutes = Number(values['older-than-minutes']);
if (!Number.isInteger(minutes) || minutes < 1) {
  console.error(`--older-than-minutes must be a whole number of minutes, got ${values['older-than-minutes']}`);
  process.exit(2);
}

try {
  console.log(await cleanupStorage(minutes * 60));
} finally {
  await db.$disconnect();
}

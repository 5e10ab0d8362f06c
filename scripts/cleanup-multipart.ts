// npm run storage:cleanup-multipart: aborts abandoned library uploads in S3 and forgets them (see
// cleanupAbandonedUploads); LIBRARY_ABANDONED_UPLOAD_HOURS sets how long an upload may sit idle.
// The job worker runs the same task on CLEANUP_SCHEDULE (hourly); this is for a run by hand.
import { db } from '@/lib/db';
import { loadEnv } from '@/lib/env';
import { cleanupMultipartUploads } from '@/lib/jobs/cleanup';

loadEnv('storage:cleanup-multipart');

try {
  console.log(await cleanupMultipartUploads());
} finally {
  await db.$disconnect();
}

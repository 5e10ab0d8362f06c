// npm run storage:cleanup-multipart: aborts abandoned library uploads in S3 and forgets them (see
// cleanupAbandonedUploads). Run it from cron, e.g. hourly; LIBRARY_ABANDONED_UPLOAD_HOURS sets how
// long an upload may sit idle. Loads the app's modules: `node --conditions=react-server --import tsx`.
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { cleanupAbandonedUploads } from '@/lib/dal/library-cleanup';

try {
  const result = await cleanupAbandonedUploads(env.LIBRARY_ABANDONED_UPLOAD_HOURS);
  console.log(
    `Forgot ${result.forgotten.length} abandoned upload(s); aborted ${result.orphansAborted} untracked multipart upload(s) (idle more than ${env.LIBRARY_ABANDONED_UPLOAD_HOURS} h).`,
  );
} finally {
  await db.$disconnect();
}

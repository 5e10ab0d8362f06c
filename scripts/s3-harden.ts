// npm run s3:harden [-- --dry-run] [-- --create]
// Applies the recommended access-control settings to the bucket, idempotently. Always prints the
// diff first; with --dry-run it stops there and changes nothing. --create first creates the bucket
// (S3_BUCKET, in S3_REGION) when it does not exist. Needs credentials allowed to change bucket
// settings (an operator's, not the app role's).
import { loadEnv } from '@/lib/env';
import { createBucketIfMissing } from '@/lib/storage/bucket';
import { bucket } from '@/lib/storage/client';
import { hardenBucket } from '@/lib/storage/security';
import { formatPlan } from '@/lib/storage/security/harden';

loadEnv('s3:harden');

const dryRun = process.argv.includes('--dry-run');
if (process.argv.includes('--create') && !dryRun) {
  const { created } = await createBucketIfMissing();
  console.log(created ? `Created the bucket ${bucket()}.\n` : `The bucket ${bucket()} exists.\n`);
}
const { plan, results } = await hardenBucket({ dryRun });
console.log(formatPlan(plan));
if (dryRun) {
  console.log(
    `\nDry run: nothing changed. ${plan.filter((c) => c.changed && !c.unsupported).length} setting(s) would change.`,
  );
  process.exit(0);
}
console.log('');
for (const result of results)
  console.log(`${result.outcome.padEnd(28)} ${result.title}${result.detail ? ` (${result.detail})` : ''}`);
process.exit(results.some((r) => r.outcome === 'failed') ? 1 : 0);

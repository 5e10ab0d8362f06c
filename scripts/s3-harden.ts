// npm run s3:harden [-- --dry-run]
// Applies the recommended access-control settings to the bucket, idempotently. Always prints the
// diff first; with --dry-run it stops there and changes nothing. Needs credentials allowed to change
// bucket settings (an operator's, not the app role's).
import { loadEnv } from '@/lib/env';
import { hardenBucket } from '@/lib/storage/security';
import { formatPlan } from '@/lib/storage/security/harden';

loadEnv('s3:harden');

const dryRun = process.argv.includes('--dry-run');
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

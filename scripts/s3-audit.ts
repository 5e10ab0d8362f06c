// npm run s3:audit [-- --json] [-- --emit iam|access-points|vpc-endpoint|bucket-policy|cors|lifecycle]
// Reads the live bucket and reports each access control as pass, warn, fail or "not supported by this
// store" (n/a), with the reason and the fix; changes nothing. Exit code 1 when a check fails. --emit prints a generated JSON document.
import { loadEnv } from '@/lib/env';
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3';
import { bucket, s3 } from '@/lib/storage/client';
import { summarize } from '@/lib/storage/security/audit';
import { auditBucket, emit, EMITTABLE, type Emittable } from '@/lib/storage/security';
import type { PolicyDocument } from '@/lib/storage/security/grammar';

loadEnv('s3:audit');

const args = process.argv.slice(2).filter((a) => a !== '--');
const emitIndex = args.indexOf('--emit');

if (emitIndex >= 0) {
  const what = args[emitIndex + 1] as Emittable;
  if (!EMITTABLE.includes(what)) {
    console.error(`--emit needs one of: ${EMITTABLE.join(', ')}`);
    process.exit(2);
  }
  let existing: PolicyDocument | null = null;
  if (what === 'bucket-policy') {
    // The merged policy: what is on the bucket now plus Guestpass's statements.
    existing = await s3()
      .send(new GetBucketPolicyCommand({ Bucket: bucket() }))
      .then((r) => (r.Policy ? (JSON.parse(r.Policy) as PolicyDocument) : null))
      .catch(() => null);
  }
  console.log(JSON.stringify(emit(what, existing), null, 2));
  process.exit(0);
}

const report = await auditBucket();
if (args.includes('--json')) {
  console.log(JSON.stringify({ bucket: report.bucket, store: report.store, checks: report.checks }, null, 2));
} else {
  console.log(`Guestpass S3 audit of bucket ${report.bucket} (${report.store})\n`);
  let control = '';
  for (const check of report.checks) {
    if (check.control !== control) console.log(`${(control = check.control)}`);
    console.log(
      `  ${(check.status === 'unsupported' ? 'n/a' : check.status).toUpperCase().padEnd(4)}  ${check.title}\n        ${check.reason}`,
    );
    if (check.fix) console.log(`        fix: ${check.fix}`);
  }
  const counts = summarize(report.checks);
  console.log(
    `\n${counts.pass} pass, ${counts.warn} warn, ${counts.fail} fail, ${counts.unsupported} not supported by this store`,
  );
  if (report.plan.some((c) => c.changed && !c.unsupported))
    console.log('`npm run s3:harden -- --dry-run` shows what harden would change.');
}
process.exit(summarize(report.checks).fail ? 1 : 0);

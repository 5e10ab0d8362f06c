import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';

/**
 * A fingerprint of everything an attack could change: every table of the app's schema and every
 * object in the bucket. Tables that only record what was tried are left out: the audit log, sign-in
 * and link-request throttles, ended sessions and share access logs (refusals are written there on
 * purpose). The mail outbox is compared by its rows' ids: the worker sends earlier tests' mails
 * meanwhile, but an attack must not queue one.
 */
const RECORDS_OF_ATTEMPTS = new Set([
  '_prisma_migrations',
  'AuditEvent',
  'LoginAttempt',
  'LinkRequest',
  'EndedSession',
  'ShareAccessLog',
]);

export interface Snapshot {
  tables: Record<string, string>;
  objects: string[];
}

export async function snapshot(): Promise<Snapshot> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const tables: Record<string, string> = {};
  try {
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name: table } of rows) {
      if (RECORDS_OF_ATTEMPTS.has(table)) continue;
      const content = table === 'MailMessage' ? 't."id"' : 't::text';
      const { rows: digest } = await db.query<{ digest: string | null }>(
        `SELECT md5(string_agg(${content}, ',' ORDER BY ${content})) AS digest FROM "${table}" t`,
      );
      tables[table] = digest[0].digest ?? 'empty';
    }
  } finally {
    await db.end();
  }
  const s3 = new S3Client({
    region: process.env.S3_REGION ?? 'us-east-1',
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
  });
  const objects: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: process.env.S3_BUCKET, ContinuationToken: token }));
    for (const object of page.Contents ?? []) objects.push(`${object.Key} ${object.ETag} ${object.Size}`);
    token = page.NextContinuationToken;
  } while (token);
  s3.destroy();
  return { tables, objects: objects.sort() };
}

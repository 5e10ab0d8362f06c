import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';

/**
 * Everything an attack could change: every row of the app's tables and every object in the bucket.
 * What only records that something was tried is left out: the audit log, sign-in and link-request
 * throttles, ended sessions, share access logs, and the columns that note a visit (a share link's
 * last access, an account's last sign-in, updatedAt) (refusals and visits are written there on
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
const RECORDS_OF_VISITS = new Set(['openedAt', 'lastAccessAt', 'lastIp', 'lastSignInAt', 'updatedAt']);

export interface Snapshot {
  /** Each table's rows as text, sorted: a difference names the row. */
  tables: Record<string, string[]>;
  objects: string[];
}

export async function snapshot(): Promise<Snapshot> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const tables: Record<string, string[]> = {};
  try {
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name: table } of rows) {
      if (RECORDS_OF_ATTEMPTS.has(table)) continue;
      const { rows: columns } = await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      const kept = columns
        .map((c) => c.column_name)
        .filter((name) => !RECORDS_OF_VISITS.has(name) && (table !== 'MailMessage' || name === 'id'))
        .map((name) => `"${name}"`);
      const { rows: content } = await db.query<{ row: string }>(
        `SELECT t::text AS row FROM (SELECT ${kept.join(', ')} FROM "${table}") t ORDER BY 1`,
      );
      tables[table] = content.map((r) => r.row);
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

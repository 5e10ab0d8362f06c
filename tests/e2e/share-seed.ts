import { randomBytes } from 'node:crypto';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';

/**
 * Puts a READY file into the library for e2e tests, straight into the run's PostgreSQL and S3 (the
 * test runner passes their settings in the environment). The app modules cannot be imported here
 * (they are server-only), so this mirrors the one key rule it needs: library/<fileId>.
 */
function s3() {
  return new S3Client({
    region: process.env.S3_REGION ?? 'us-east-1',
    endpoint: process.env.S3_ENDPOINT,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}

export interface SeededFile {
  id: string;
  name: string;
  bytes: Buffer;
  remove: () => Promise<void>;
}

export async function seedLibraryFile(name: string, bytes: Buffer = randomBytes(2048)): Promise<SeededFile> {
  const id = `c${randomBytes(12).toString('hex')}`;
  const key = `library/${id}`;
  const client = s3();
  await client.send(
    new PutObjectCommand({ Bucket: process.env.S3_BUCKET, Key: key, Body: bytes, ContentType: 'application/pdf' }),
  );
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO "LibraryFile" ("id", "name", "sizeBytes", "contentType", "objectKey", "status", "createdAt", "updatedAt", "completedAt")
       VALUES ($1, $2, $3, 'application/pdf', $4, 'READY', now(), now(), now())`,
      [id, name, bytes.length, key],
    );
  } finally {
    await db.end();
  }
  return {
    id,
    name,
    bytes,
    remove: async () => {
      const cleanup = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await cleanup.connect();
      try {
        await cleanup.query(
          `DELETE FROM "Share" WHERE "id" IN (SELECT "shareId" FROM "ShareFile" WHERE "fileId" = $1)`,
          [id],
        );
        await cleanup.query(`DELETE FROM "LibraryFile" WHERE "id" = $1`, [id]);
      } finally {
        await cleanup.end();
      }
      await client.send(new DeleteObjectCommand({ Bucket: process.env.S3_BUCKET, Key: key }));
    },
  };
}

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

export async function seedLibraryFile(
  name: string,
  bytes: Buffer = randomBytes(2048),
  contentType = 'application/pdf',
): Promise<SeededFile> {
  const id = `c${randomBytes(12).toString('hex')}`;
  const key = `library/${id}`;
  const client = s3();
  await client.send(
    new PutObjectCommand({ Bucket: process.env.S3_BUCKET, Key: key, Body: bytes, ContentType: contentType }),
  );
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO "LibraryFile" ("id", "name", "sizeBytes", "contentType", "objectKey", "status", "createdAt", "updatedAt", "completedAt")
       VALUES ($1, $2, $3, $4, $5, 'READY', now(), now(), now())`,
      [id, name, bytes.length, contentType, key],
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

/** A 16×16 PNG (a colour gradient) that a browser really decodes. */
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAABlklEQVR42g3L0QBAIQxA0RCGEMIQhjCEEIYwhBBC2McFCCGEEEJ47/yf1hrS6A1tWMMboxGNbMzGalRjN07jNl6jNUGELqhgggtDCCGFKSyhhC0c4QpP/tCRTu9oxzreGZ3oZGd2Vqc6u3M6t/P6HxRRuqKKKa4MJZRUprKUUrZylKs8/YMhRjfUMMONYYSRxjSWUcY2jnGNZ39wxOmOOua4M5xw0pnOcsrZznGu8/wPAxn0gQ5s4IMxiEEO5mANarAHZ3AHb/whkKAHGljgwQgiyGAGK6hgBye4wYs/JJL0RBNLPBlJJJnMZCWV7OQkN3n5h4lM+kQnNvHJmMQkJ3OyJjXZkzO5kzf/sJBFX+jCFr4Yi1jkYi7WohZ7cRZ38dYfCil6oYUVXowiiixmsYoqdnGKW7z6w0Y2faMb2/hmbGKTm7lZm9rszdnczdt/OMihH/RgBz+MQxzyMA/rUId9OId7eOcPF7n0i17s4pdxiUte5mVd6rIv53Iv7/7hIY/+0Ic9/DEe8cjHfKxHPfbjPO7jPT74o6QQb2NdBgAAAABJRU5ErkJggg==',
  'base64',
);

/** A one-page PDF saying `text`, with a correct cross-reference table (viewers render it). */
export function samplePdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 30} >>\nstream\nBT /F1 18 Tf 24 72 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

import { db } from '@/lib/db';
import { currentUser } from '@/lib/dal/session';
import { checkBucket } from '@/lib/storage/bucket';

// Always live: a cached health answer is no answer.
export const dynamic = 'force-dynamic';

async function checkDatabase(): Promise<{ reachable: boolean; error?: string }> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { reachable: true };
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** Only admins read why a part is down: error text names hosts, ports and users. */
async function callerMaySeeErrors(): Promise<boolean> {
  try {
    return (await currentUser())?.role === 'ADMIN';
  } catch {
    return false; // the session lookup needs the database, which may be the part that is down
  }
}

function withoutError<T extends { error?: string }>(part: T): Omit<T, 'error'> {
  const copy = { ...part };
  delete copy.error;
  return copy;
}

/** Database and bucket reachability: 200 when both answer, 503 otherwise. Names no secrets. */
export async function GET() {
  const [database, bucket] = await Promise.all([checkDatabase(), checkBucket()]);
  const warnings =
    bucket.etagExposed === false
      ? ['The bucket CORS rule does not expose ETag: browser multipart uploads will fail.']
      : [];
  const ok = database.reachable && bucket.reachable;
  const detailed = !ok && (await callerMaySeeErrors());
  return Response.json(
    {
      status: ok ? 'ok' : 'unavailable',
      database: detailed ? database : withoutError(database),
      bucket: detailed ? bucket : withoutError(bucket),
      warnings,
      checkedAt: new Date().toISOString(),
    },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}

// Run by scripts/lib/services.ts after migrations: creates the bucket and its CORS rule where the
// local store allows it, then seeds. Loads the app's own modules, so it runs with
// `node --conditions=react-server --import tsx`.
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { ensureBucket } from '@/lib/storage/bucket';
import { securityConfig } from '@/lib/storage/security/config';
import { seed } from '@/prisma/seed';

const kind = process.env.S3_STORE_KIND;
if (kind === 'rgw' || (kind === 'external' && env.NODE_ENV === 'test')) {
  await ensureBucket(securityConfig().origins);
}
await seed();
await db.$disconnect();

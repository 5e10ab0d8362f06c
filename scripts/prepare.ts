// Run by scripts/lib/services.ts after migrations: creates the bucket and its CORS rule where the
// local store allows it, then seeds. Loads the app's own modules, so it runs with
// `node --conditions=react-server --import tsx`.
import { db } from '@/lib/db';
import { stopProducer } from '@/lib/jobs/boss';
import { env } from '@/lib/env';
import { ensureBucket } from '@/lib/storage/bucket';
import { securityConfig } from '@/lib/storage/security/config';
import type { StoreKind } from '@/lib/storage/security/store';
import { seed } from '@/prisma/seed';

// The emulator gets its bucket and CORS rule at start; a store given by S3_ENDPOINT is set up here
// only for tests (a development or production bucket is its owner's).
const kind = process.env.S3_STORE_KIND as StoreKind;
if (kind === 'radosgw' || (kind !== 'emulator' && env.NODE_ENV === 'test')) {
  await ensureBucket(securityConfig());
}
await seed();
// The seed queues carol's invitation mail, which opens the job queue's connections.
await stopProducer();
await db.$disconnect();

// npm run db:seed: the development accounts (and their sample data), idempotently.
import { db } from '@/lib/db';
import { stopProducer } from '@/lib/jobs/boss';
import { SEED_PASSWORD, SEED_USERS, seed } from '@/prisma/seed';

await seed();
console.log(`Seeded ${SEED_USERS.map((u) => u.email).join(', ')} (password: ${SEED_PASSWORD})`);
// The seed queues carol's invitation mail, which opens the job queue's connections.
await stopProducer();
await db.$disconnect();

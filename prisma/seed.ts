import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { hashPassword } from '@/lib/password';
import { SEED_PASSWORD, SEED_USERS } from '@/prisma/seed-accounts';

export { SEED_PASSWORD, SEED_USERS };

/**
 * Development and test accounts. Idempotent: running it again changes nothing that is already
 * there (an account keeps its id and password). Refused in production.
 */
export async function seed(): Promise<void> {
  if (env.NODE_ENV === 'production') throw new Error('Refusing to seed: NODE_ENV is production. The seed accounts have a published password.');
  const passwordHash = await hashPassword(SEED_PASSWORD);
  for (const user of SEED_USERS) {
    await db.user.upsert({ where: { email: user.email }, update: {}, create: { ...user, passwordHash } });
  }
}

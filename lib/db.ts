import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One client per process; in development, Next's hot reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL }),
    // Prisma's defaults (2 s to get a connection, 5 s per transaction) turned a busy instance's slow
    // but correct click into a 500 and an uncounted download in the soak; a transaction still ends
    // within bounded time, and the statements inside stay single conditional writes.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  return globalForPrisma.prisma;
}

/** The Prisma client, created on first use so that `next build` needs no DATABASE_URL. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});

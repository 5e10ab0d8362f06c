import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { SEED_USERS, seed } from '@/prisma/seed';

describe('seed', () => {
  it('is idempotent: a second run changes nothing', async () => {
    const snapshot = () =>
      db.user.findMany({
        orderBy: { email: 'asc' },
        select: { id: true, email: true, role: true, passwordHash: true },
      });
    const before = await snapshot();
    await seed();
    await seed();
    const after = await snapshot();
    expect(after).toEqual(before);
    for (const account of SEED_USERS) expect(after.find((u) => u.email === account.email)?.role).toBe(account.role);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { LINK_REQUEST_LIMITS } from '@/lib/accounts/links';
import { db } from '@/lib/db';
import { cleanupExpiredRecords } from '@/lib/dal/expired-records-cleanup';
import { admitLinkRequest } from '@/lib/dal/link-requests';
import { loginThrottle } from '@/lib/dal/login-attempts';
import { env } from '@/lib/env';

const suffix = randomUUID().slice(0, 8);
const address = (name: string) => `${name}-${suffix}@records.test`;
const ip = `198.51.100.7-${suffix}`;
const minutesAgo = (minutes: number, now: Date) => new Date(now.getTime() - minutes * 60_000);

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: `-${suffix}@records.test` } } });
  await db.verificationToken.deleteMany({ where: { identifier: { endsWith: `-${suffix}@records.test` } } });
  await db.linkRequest.deleteMany({ where: { email: { endsWith: `-${suffix}@records.test` } } });
  await db.loginAttempt.deleteMany({ where: { email: { endsWith: `-${suffix}@records.test` } } });
});

describe('the expired-records cleanup', () => {
  it('removes what nothing reads any more and keeps what still counts, so the throttles hold', async () => {
    const now = new Date();
    const user = await db.user.create({
      data: { email: address('dora'), name: 'Dora', status: 'ACTIVE', passwordHash: 'x' },
    });
    const loginWindow = env.LOGIN_THROTTLE_WINDOW_MINUTES;
    const linkWindow = LINK_REQUEST_LIMITS.windowMinutes;
    await db.verificationToken.createMany({
      data: [
        { identifier: address('old-link'), token: `old-${suffix}`, expires: minutesAgo(1, now) },
        { identifier: address('new-link'), token: `new-${suffix}`, expires: minutesAgo(-10, now) },
      ],
    });
    await db.endedSession.createMany({
      data: [
        { sessionId: `old-${suffix}`, userId: user.id, expiresAt: minutesAgo(1, now) },
        { sessionId: `new-${suffix}`, userId: user.id, expiresAt: minutesAgo(-60, now) },
      ],
    });
    await db.linkRequest.createMany({
      data: [
        { kind: 'SIGN_IN_LINK', email: address('old-ask'), ip, createdAt: minutesAgo(linkWindow + 1, now) },
        ...Array.from({ length: LINK_REQUEST_LIMITS.perAddress }, () => ({
          kind: 'SIGN_IN_LINK' as const,
          email: address('new-ask'),
          ip,
          createdAt: minutesAgo(1, now),
        })),
      ],
    });
    await db.loginAttempt.createMany({
      data: [
        { email: address('old-try'), ip, succeeded: false, createdAt: minutesAgo(loginWindow + 1, now) },
        ...Array.from({ length: env.LOGIN_MAX_FAILURES_PER_ACCOUNT }, () => ({
          email: address('dora'),
          ip: `${ip}-${randomUUID()}`,
          succeeded: false,
          createdAt: minutesAgo(1, now),
        })),
      ],
    });

    const removed = await cleanupExpiredRecords(now);
    // Other test files' expired rows may go too: at least this file's.
    for (const count of Object.values(removed)) expect(count).toBeGreaterThanOrEqual(1);

    const left = {
      links: await db.verificationToken.findMany({ where: { token: { endsWith: suffix } }, select: { token: true } }),
      sessions: await db.endedSession.findMany({ where: { userId: user.id }, select: { sessionId: true } }),
      asks: await db.linkRequest.count({ where: { email: address('old-ask') } }),
      tries: await db.loginAttempt.count({ where: { email: address('old-try') } }),
    };
    expect(left).toEqual({
      links: [{ token: `new-${suffix}` }],
      sessions: [{ sessionId: `new-${suffix}` }],
      asks: 0,
      tries: 0,
    });
    // The records inside their windows still count: the account and the address stay throttled.
    expect(await loginThrottle(address('dora'), `${ip}-fresh`, now)).toMatchObject({ blocked: true });
    expect(await admitLinkRequest('SIGN_IN_LINK', address('new-ask'), `${ip}-other`, now)).toBeInstanceOf(Date);
  });
});

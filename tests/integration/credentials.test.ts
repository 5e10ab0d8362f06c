import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCredentials } from '@/lib/dal/credentials';
import { db } from '@/lib/db';

// Each test uses its own IP so that the per-IP limit of one never touches another.
const freshIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 8)}`;

describe('checkCredentials (real PostgreSQL)', () => {
  it('signs in a seeded account and returns no password hash', async () => {
    const verdict = await checkCredentials({ email: 'Alice@Example.com ', password: 'guestpass' }, freshIp());
    expect(verdict.outcome).toBe('authenticated');
    if (verdict.outcome === 'authenticated') {
      expect(verdict.user).toMatchObject({ email: 'alice@example.com', role: 'USER' });
      expect(Object.keys(verdict.user)).not.toContain('passwordHash');
    }
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrongPassword = await checkCredentials({ email: 'bob@example.com', password: 'nope' }, freshIp());
    const unknownEmail = await checkCredentials(
      { email: `ghost-${randomUUID()}@example.com`, password: 'nope' },
      freshIp(),
    );
    expect(wrongPassword).toEqual({ outcome: 'invalid' });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('throttles an account after 5 failures in 15 minutes, from any IP, and records every attempt', async () => {
    const email = `target-${randomUUID()}@example.com`;
    for (let i = 0; i < 5; i++)
      expect(await checkCredentials({ email, password: `guess-${i}` }, freshIp())).toEqual({ outcome: 'invalid' });
    const verdict = await checkCredentials({ email, password: 'guess-6' }, freshIp());
    if (verdict.outcome === 'throttled') {
      const minutes = (verdict.retryAt.getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(14);
      expect(minutes).toBeLessThanOrEqual(15);
    } else {
      expect.fail(`expected a throttled verdict, got ${JSON.stringify(verdict)}`);
    }
    // The throttled attempt was refused before the password was checked, and not recorded.
    expect(await db.loginAttempt.count({ where: { email } })).toBe(5);
  });

  it('holds the account limit exactly under a burst of parallel guesses', async () => {
    const email = `burst-${randomUUID()}@example.com`;
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => checkCredentials({ email, password: `guess-${i}` }, freshIp())),
    );
    // Check, verification and record are one step per account: exactly the limit is checked, the rest wait.
    expect(verdicts.filter((v) => v.outcome === 'invalid')).toHaveLength(5);
    expect(verdicts.filter((v) => v.outcome === 'throttled')).toHaveLength(15);
    expect(await db.loginAttempt.count({ where: { email } })).toBe(5);
  });

  it('holds the IP limit exactly under a burst across accounts', async () => {
    const ip = freshIp();
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        checkCredentials({ email: `spray-burst-${i}-${randomUUID()}@example.com`, password: 'x' }, ip),
      ),
    );
    expect(verdicts.filter((v) => v.outcome === 'invalid')).toHaveLength(30);
    expect(await db.loginAttempt.count({ where: { ip } })).toBe(30);
  });

  it('throttles even the right password while an account is blocked', async () => {
    const ip = freshIp();
    const email = 'bob@example.com';
    const before = new Date();
    try {
      for (let i = 0; i < 5; i++) await checkCredentials({ email, password: `wrong-${i}` }, ip);
      expect(await checkCredentials({ email, password: 'guestpass' }, freshIp())).toMatchObject({
        outcome: 'throttled',
      });
    } finally {
      // Leave bob able to sign in for the other suites.
      await db.loginAttempt.deleteMany({ where: { email, createdAt: { gte: before } } });
    }
  });

  it('throttles an IP after 30 failures across accounts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++)
      await checkCredentials({ email: `spray-${i}-${randomUUID()}@example.com`, password: 'x' }, ip);
    expect(
      await checkCredentials({ email: `spray-last-${randomUUID()}@example.com`, password: 'x' }, ip),
    ).toMatchObject({ outcome: 'throttled' });
    // Another IP is unaffected.
    expect(await checkCredentials({ email: 'alice@example.com', password: 'guestpass' }, freshIp())).toMatchObject({
      outcome: 'authenticated',
    });
  });

  it('rejects malformed input without touching the database', async () => {
    const before = await db.loginAttempt.count();
    expect(await checkCredentials({ email: 'not-an-email', password: '' }, freshIp())).toEqual({ outcome: 'invalid' });
    expect(await checkCredentials(null, freshIp())).toEqual({ outcome: 'invalid' });
    expect(await db.loginAttempt.count()).toBe(before);
  });
});

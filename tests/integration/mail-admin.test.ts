import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DalError } from '@/lib/dal/errors';

// The signed-in user is chosen here (the session lookup only); the database, pg-boss and the DAL are the app's own.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth', async () => {
  const { currentSession } = await import('../helpers/session-claims');
  return { auth: async () => (session.userId ? currentSession(session.userId) : null) };
});
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { db } = await import('@/lib/db');
const { listOutbox, retryMail } = await import('@/lib/dal/mail');
const { stopProducer } = await import('@/lib/jobs/boss');

const suffix = randomBytes(4).toString('hex');
const context = { ip: '198.51.100.9', userAgent: 'vitest' };
let adminId = '';
let customerId = '';

beforeAll(async () => {
  const user = (role: 'ADMIN' | 'USER') =>
    db.user.create({ data: { email: `mail-${role}-${suffix}@mail.test`, name: role, passwordHash: 'x', role } });
  adminId = (await user('ADMIN')).id;
  customerId = (await user('USER')).id;
});

afterAll(async () => {
  await db.mailMessage.deleteMany({ where: { to: { endsWith: `-${suffix}@mail.test` } } });
  await db.user.deleteMany({ where: { id: { in: [adminId, customerId] } } });
  await stopProducer();
  await db.$disconnect();
});

/** A mail whose retries ran out, as the worker leaves it. */
async function failedMail() {
  return db.mailMessage.create({
    data: {
      id: randomUUID(),
      kind: 'share.first-download.owner',
      to: `failed-${randomBytes(3).toString('hex')}-${suffix}@mail.test`,
      subject: 'Someone downloaded',
      text: 'text',
      html: '<p>html</p>',
      status: 'FAILED',
      attempts: 16,
      lastError: '535 Authentication failed',
    },
  });
}

describe('failed mail on /admin/mail (PostgreSQL, pg-boss)', () => {
  it('lists a failed mail with its reason, and Retry queues it again with a delivery job, once', async () => {
    session.userId = adminId;
    const mail = await failedMail();
    const outbox = await listOutbox();
    expect(outbox.failed).toContainEqual(
      expect.objectContaining({ id: mail.id, lastError: '535 Authentication failed', attempts: 16 }),
    );

    // Two admins at once: exactly one retry goes through.
    const results = await Promise.allSettled([retryMail(mail.id, context), retryMail(mail.id, context)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(DalError);
    expect(refusal.reason.message).toMatch(/not waiting for a retry/);

    expect((await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe('QUEUED');
    const jobs = await db.$queryRaw<{ state: string }[]>`
      SELECT "state"::text FROM "pgboss"."job" WHERE "name" = 'mail' AND "data"->>'messageId' = ${mail.id}`;
    expect(jobs).toHaveLength(1);
    const audit = await db.auditEvent.findMany({ where: { action: 'mail.retry', subjectId: mail.id } });
    expect(audit.map((a) => [a.outcome, a.actorId, a.subjectType]).sort()).toEqual([
      ['changed', adminId, 'mail'],
      ['refused', adminId, 'mail'],
    ]);
  });

  it('refuses customers (403) and changes nothing', async () => {
    session.userId = customerId;
    const mail = await failedMail();
    const forbidden = expect.objectContaining({ digest: expect.stringContaining('403') });
    await expect(retryMail(mail.id, context)).rejects.toEqual(forbidden);
    await expect(listOutbox()).rejects.toEqual(forbidden);
    expect((await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe('FAILED');
  });
});

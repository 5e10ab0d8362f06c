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
const { listOutbox, MAIL_PAGE_SIZE, retryMail } = await import('@/lib/dal/mail');
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
    expect(outbox.failed.rows).toContainEqual(
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

  it('pages each list by keyset, the oldest first, without gaps or repeats (same times broken by id)', async () => {
    session.userId = adminId;
    const count = MAIL_PAGE_SIZE + 10;
    // Older than anything else in the database, two by two at the same instant: this file's mails lead the list.
    await db.mailMessage.createMany({
      data: Array.from({ length: count }, (_, n) => ({
        kind: 'share.first-download.owner',
        to: `paged-${String(n).padStart(3, '0')}-${suffix}@mail.test`,
        subject: 'Paged',
        status: 'FAILED' as const,
        createdAt: new Date(Date.UTC(2000, 0, 1) + Math.floor(n / 2) * 1000),
      })),
    });
    const ours = (rows: { to: string }[]) => rows.map((r) => r.to).filter((to) => to.startsWith('paged-'));
    const first = await listOutbox();
    expect(first.failed.rows).toHaveLength(MAIL_PAGE_SIZE);
    expect(first.failed.previousBefore).toBeNull();
    expect(first.failed.total.count).toBeGreaterThanOrEqual(count);
    const second = await listOutbox({ failed: { after: first.failed.nextAfter! } });
    const walked = [...ours(first.failed.rows), ...ours(second.failed.rows)];
    expect(walked).toHaveLength(count);
    expect(new Set(walked).size).toBe(count);
    // The oldest first, the two mails of each instant side by side.
    const instants = walked.map((to) => Math.floor(Number(to.slice('paged-'.length, 'paged-000'.length)) / 2));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    const back = await listOutbox({ failed: { before: second.failed.previousBefore! } });
    expect(back.failed.rows.map((r) => r.id)).toEqual(first.failed.rows.map((r) => r.id));
    // The other list does not move.
    expect(second.waiting.rows.map((r) => r.id)).toEqual(first.waiting.rows.map((r) => r.id));
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

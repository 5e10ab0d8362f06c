import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { auditor, recordAudit } from '@/lib/dal/audit';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/dal/audit-log';
import { Forbidden, signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

describe('reading the audit log', () => {
  it('admins page through it newest first, filtered by action', async () => {
    // A code of its own keeps this test's rows apart; it also stands for a row an older release wrote.
    const action = `test.audit-${randomBytes(4).toString('hex')}`;
    const admin = await signedInAs('admin@example.com');
    for (let i = 0; i < AUDIT_PAGE_SIZE + 2; i++) {
      await db.auditEvent.create({
        data: {
          actorId: admin!.id,
          action,
          outcome: 'granted',
          subjectType: 'invoice',
          subjectId: `n${i}`,
          ip: '192.0.2.1',
          userAgent: 'audit-test',
        },
      });
    }
    const first = await listAuditEvents({ action });
    expect(first.previousBefore).toBeNull();
    expect(first.actions).toContain('invoice.download');
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0]).toMatchObject({
      subjectId: `n${AUDIT_PAGE_SIZE + 1}`,
      actor: { email: 'admin@example.com' },
      ip: '192.0.2.1',
      userAgent: 'audit-test',
    });
    const second = await listAuditEvents({ action, after: first.nextAfter! });
    expect(second.events.map((e) => e.subjectId)).toEqual(['n1', 'n0']);
    expect(second.nextAfter).toBeNull();
    const back = await listAuditEvents({ action, before: second.previousBefore! });
    expect(back.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    await db.auditEvent.deleteMany({ where: { action } });
  });

  it('records against the action’s own subject type unless told otherwise, for the bound actor and request', async () => {
    const admin = await signedInAs('admin@example.com');
    const subjectId = `bucket-${randomBytes(4).toString('hex')}`;
    const audit = auditor(admin!.id, { ip: '192.0.2.9', userAgent: 'recorder-test' });
    await audit('storage.lab', 'granted', subjectId, { detail: { probes: 0 } });
    await recordAudit({ actorId: null, action: 'avatar.upload', outcome: 'refused', subjectType: 'user', subjectId });
    const rows = await db.auditEvent.findMany({ where: { subjectId }, orderBy: { createdAt: 'asc' } });
    expect(rows).toMatchObject([
      {
        actorId: admin!.id,
        action: 'storage.lab',
        subjectType: 'bucket',
        ip: '192.0.2.9',
        userAgent: 'recorder-test',
        detail: { probes: 0 },
      },
      { actorId: null, action: 'avatar.upload', subjectType: 'user', ip: null },
    ]);
    await db.auditEvent.deleteMany({ where: { subjectId } });
  });

  it('is for admins only', async () => {
    await signedInAs('alice@example.com');
    await expect(listAuditEvents()).rejects.toBeInstanceOf(Forbidden);
  });
});

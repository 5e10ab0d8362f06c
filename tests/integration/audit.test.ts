import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/dal/audit';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/dal/audit-log';
import { Forbidden, signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

describe('reading the audit log', () => {
  it('admins page through it newest first, filtered by action', async () => {
    const action = `test.audit-${randomBytes(4).toString('hex')}`;
    const admin = await signedInAs('admin@example.com');
    for (let i = 0; i < AUDIT_PAGE_SIZE + 2; i++) {
      await recordAudit({ actorId: admin!.id, action, outcome: 'granted', subjectType: 'test', subjectId: `n${i}`, context: { ip: '192.0.2.1', userAgent: 'audit-test' } });
    }
    const first = await listAuditEvents({ action });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: AUDIT_PAGE_SIZE + 2 });
    expect(first.actions).toContain(action);
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0]).toMatchObject({ subjectId: `n${AUDIT_PAGE_SIZE + 1}`, actor: { email: 'admin@example.com' }, ip: '192.0.2.1', userAgent: 'audit-test' });
    const second = await listAuditEvents({ action, page: 2 });
    expect(second.events.map((e) => e.subjectId)).toEqual(['n1', 'n0']);
    expect((await listAuditEvents({ action, page: 99 })).page).toBe(2);
    await db.auditEvent.deleteMany({ where: { action } });
  });

  it('is for admins only', async () => {
    await signedInAs('alice@example.com');
    await expect(listAuditEvents()).rejects.toBeInstanceOf(Forbidden);
  });
});

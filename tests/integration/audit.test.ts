import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { auditor, recordAudit } from '@/lib/dal/audit';
import { AUDIT_PAGE_SIZE, listAuditEvents, NO_ACCOUNT, parseAuditFilters } from '@/lib/dal/audit-log';
import { GET as exportCsv } from '@/app/(app)/admin/audit/export/route';
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
    expect(first.actors).toContainEqual({ id: admin!.id, name: admin!.name, email: 'admin@example.com' });
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

  it('stores what a hostile request asked for: a lone surrogate or a NUL in a detail becomes U+FFFD', async () => {
    const subjectId = `hostile-${randomBytes(4).toString('hex')}`;
    // An emoji cut in half by a length limit, as the invoice download records a requested id.
    const requestedId = '👩‍👩‍👧'.repeat(20).slice(0, 25);
    await recordAudit({
      actorId: null,
      action: 'invoice.download',
      outcome: 'refused',
      subjectId,
      detail: { requestedId, list: ['a\0b'], ['k\uD800']: 1 },
    });
    const row = await db.auditEvent.findFirstOrThrow({ where: { subjectId } });
    expect(row.detail).toEqual({
      requestedId: `${requestedId.slice(0, -1)}\uFFFD`,
      list: ['a\uFFFDb'],
      'k\uFFFD': 1,
    });
    await db.auditEvent.deleteMany({ where: { subjectId } });
  });

  it('filters by actor, action, days and free text (labels and detail included)', async () => {
    const admin = await signedInAs('admin@example.com');
    const tag = randomBytes(4).toString('hex');
    const at = (iso: string) => new Date(iso);
    await db.auditEvent.createMany({
      data: [
        {
          actorId: admin!.id,
          action: 'share.revoke',
          outcome: 'changed',
          subjectType: 'share',
          subjectId: `s-${tag}`,
          createdAt: at('2026-03-01T10:00:00Z'),
        },
        {
          actorId: null,
          action: 'share.download',
          outcome: 'granted',
          subjectType: 'shareRecipient',
          subjectId: `r-${tag}`,
          detail: { shareId: `s-${tag}`, fileId: `needle-${tag}` },
          createdAt: at('2026-03-02T23:59:00Z'),
        },
        {
          actorId: null,
          action: 'share.access',
          outcome: 'refused',
          subjectType: 'shareRecipient',
          subjectId: `r-${tag}`,
          ip: `198.51.100.${tag.length}`,
          detail: { shareId: `s-${tag}`, reason: 'revoked' },
          createdAt: at('2026-03-03T00:00:00Z'),
        },
      ],
    });
    const ids = async (filters: Parameters<typeof listAuditEvents>[0]) =>
      (await listAuditEvents({ q: tag, ...filters })).events.map((e) => e.action);
    expect(await ids({})).toEqual(['share.access', 'share.download', 'share.revoke']);
    expect(await ids({ actor: admin!.id })).toEqual(['share.revoke']);
    expect(await ids({ actor: NO_ACCOUNT })).toEqual(['share.access', 'share.download']);
    expect(await ids({ action: 'share.download' })).toEqual(['share.download']);
    // Days are UTC and include both ends.
    expect(await ids({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['share.download']);
    expect(await ids({ q: `needle-${tag}` })).toEqual(['share.download']); // inside the detail JSON
    // A label finds its code; the tag keeps other tests' rows out.
    expect(await ids({ from: '2026-03-01', to: '2026-03-01', q: 'Share revoked' })).toContain('share.revoke');
    expect(await ids({ q: '100%_' })).toEqual([]); // pattern characters are literal
    // A hand-edited query string is read, not refused.
    expect(parseAuditFilters({ from: 'yesterday', to: '2026-13-45', q: '  x ', page: '2' })).toEqual({ q: 'x' });
    await db.auditEvent.deleteMany({ where: { subjectId: { in: [`s-${tag}`, `r-${tag}`] } } });
  });

  it('exports the filtered log as CSV, streamed, with formulas defused', async () => {
    await signedInAs('admin@example.com');
    const tag = randomBytes(4).toString('hex');
    await recordAudit({
      actorId: null,
      action: 'share.open',
      outcome: 'granted',
      subjectId: `r-${tag}`,
      context: { ip: '192.0.2.4', userAgent: '=HYPERLINK("http://evil.example","click")' },
      detail: { shareId: `s-${tag}` },
    });
    const response = await exportCsv(new Request(`http://app.test/admin/audit/export?q=${tag}`));
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Time \(UTC\),Actor,Actor email,Action,Action code,Outcome,/);
    expect(lines[1]).toContain(',,,Share link opened,share.open,Granted,Share link,');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    // Past one batch (500 rows), every row exactly once, newest first.
    await db.auditEvent.createMany({
      data: Array.from({ length: 1_100 }, (_, i) => ({
        action: 'share.open',
        outcome: 'granted',
        subjectType: 'shareRecipient',
        subjectId: `r-${tag}`,
        ip: `n${i}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 3))), // several rows per instant
      })),
    });
    const all = (await (await exportCsv(new Request(`http://app.test/admin/audit/export?q=r-${tag}`))).text())
      .trimEnd()
      .split('\r\n')
      .slice(1);
    expect(all).toHaveLength(1_101);
    expect(new Set(all).size).toBe(1_101);
    await db.auditEvent.deleteMany({ where: { subjectId: `r-${tag}` } });
  });

  it('is for admins only, the export too', async () => {
    await signedInAs('alice@example.com');
    await expect(listAuditEvents()).rejects.toBeInstanceOf(Forbidden);
    await expect(exportCsv(new Request('http://app.test/admin/audit/export'))).rejects.toBeInstanceOf(Forbidden);
  });
});

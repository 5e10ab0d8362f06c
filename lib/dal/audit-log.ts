import 'server-only';
import { db } from '@/lib/db';
import { requireAdmin } from '@/lib/dal/session';

// Reading the log is for admins; writing it (lib/dal/audit.ts) stays free of session imports so
// that CLI tasks outside Next can record what they do.
export const AUDIT_PAGE_SIZE = 25;

export interface AuditEventRow {
  id: string;
  createdAt: Date;
  actor: { name: string; email: string } | null;
  action: string;
  outcome: string;
  subjectType: string;
  subjectId: string | null;
  urlExpiresAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  detail: string | null;
}

export interface AuditPage {
  events: AuditEventRow[];
  page: number;
  pageCount: number;
  total: number;
  /** Every action in the log, for the filter. */
  actions: string[];
}

/** For admins: the log, newest first, AUDIT_PAGE_SIZE events per page, optionally one action's. */
export async function listAuditEvents(options: { page?: number; action?: string } = {}): Promise<AuditPage> {
  await requireAdmin();
  const where = options.action ? { action: options.action } : {};
  const [total, actionRows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount);
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      outcome: true,
      subjectType: true,
      subjectId: true,
      urlExpiresAt: true,
      ip: true,
      userAgent: true,
      detail: true,
      actor: { select: { name: true, email: true } },
    },
  });
  return {
    events: rows.map((row) => ({ ...row, detail: row.detail === null ? null : JSON.stringify(row.detail) })),
    page,
    pageCount,
    total,
    actions: actionRows.map((row) => row.action),
  };
}

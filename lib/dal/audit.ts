import 'server-only';
import { db } from '@/lib/db';
import { requireAdmin } from '@/lib/dal/session';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RequestContext } from '@/lib/request-context';

export type AuditOutcome = 'granted' | 'refused' | 'changed';

export interface AuditInput {
  /** Who acted; null for anonymous visitors (partners, signed-out requests). */
  actorId: string | null;
  /** What happened, as `<noun>.<verb>`: "invoice.download", "avatar.confirm", "share.revoke". */
  action: string;
  outcome: AuditOutcome;
  subjectType: string;
  subjectId?: string | null;
  /** For an issued pre-signed URL: when it stops working. */
  urlExpiresAt?: Date | null;
  context?: RequestContext;
  detail?: Prisma.InputJsonValue;
}

/**
 * Appends to the audit log: every issued URL, every refusal, every state change. Called by DAL
 * functions after their own session and ownership checks; the log is never edited.
 */
export async function recordAudit(input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      outcome: input.outcome,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      urlExpiresAt: input.urlExpiresAt ?? null,
      ip: input.context?.ip ?? null,
      userAgent: input.context?.userAgent ?? null,
      detail: input.detail,
    },
  });
}

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

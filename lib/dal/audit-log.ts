import 'server-only';
import { db } from '@/lib/db';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit-vocabulary';
import { keysetArgs, type KeysetCursors, type KeysetQuery } from '@/lib/dal/keyset';
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

export interface AuditPage extends KeysetCursors {
  events: AuditEventRow[];
  /** Every action of the vocabulary, for the filter (a closed list: no need to read the log for it). */
  actions: AuditAction[];
}

/** For admins: one page of the log, newest first, AUDIT_PAGE_SIZE events, optionally one action's. */
export async function listAuditEvents(options: KeysetQuery & { action?: string } = {}): Promise<AuditPage> {
  await requireAdmin();
  const keyset = keysetArgs(options, AUDIT_PAGE_SIZE);
  const rows = await db.auditEvent.findMany({
    where: options.action ? { action: options.action } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    ...keyset.find,
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
  const { rows: page, ...cursors } = keyset.page(rows);
  return {
    events: page.map((row) => ({ ...row, detail: row.detail === null ? null : JSON.stringify(row.detail) })),
    ...cursors,
    actions: Object.keys(AUDIT_ACTIONS) as AuditAction[],
  };
}

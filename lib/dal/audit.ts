import 'server-only';
import { db } from '@/lib/db';
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

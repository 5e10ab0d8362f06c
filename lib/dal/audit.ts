import 'server-only';
import { AUDIT_ACTIONS, type AuditAction, type AuditOutcome, type AuditSubjectType } from '@/lib/audit-vocabulary';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RequestContext } from '@/lib/request-context';

export interface AuditInput {
  /** Who acted; null for anonymous visitors (partners, signed-out requests) and background tasks. */
  actorId: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  /** Defaults to the action's own subject type (lib/audit-vocabulary.ts). */
  subjectType?: AuditSubjectType;
  subjectId?: string | null;
  /** For an issued pre-signed URL: when it stops working. */
  urlExpiresAt?: Date | null;
  context?: RequestContext;
  detail?: Prisma.InputJsonValue;
}

/**
 * Text as PostgreSQL's json type takes it: it refuses a lone UTF-16 surrogate (a requested id cut
 * in the middle of an emoji) and NUL, and one refused detail would turn the refusal it records into
 * a 500. Each becomes U+FFFD.
 */
function storableDetail(value: Prisma.InputJsonValue | undefined): Prisma.InputJsonValue | undefined {
  if (typeof value === 'string') return value.toWellFormed().replaceAll('\0', '\uFFFD');
  if (Array.isArray(value)) return value.map((item) => storableDetail(item) ?? null);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storableDetail(key), storableDetail(item as Prisma.InputJsonValue)]),
    );
  return value;
}

/**
 * Appends to the audit log: every issued URL, every refusal, every state change. The one place an
 * audit row is written. Called by DAL functions after their own session and ownership checks, and by
 * CLI tasks (so no session import here); the log is never edited.
 */
export async function recordAudit(input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      outcome: input.outcome,
      subjectType: input.subjectType ?? AUDIT_ACTIONS[input.action].subject,
      subjectId: input.subjectId ?? null,
      urlExpiresAt: input.urlExpiresAt ?? null,
      ip: input.context?.ip ?? null,
      userAgent: input.context?.userAgent ?? null,
      detail: storableDetail(input.detail),
    },
  });
}

export type AuditExtras = Pick<AuditInput, 'subjectType' | 'urlExpiresAt' | 'detail'>;

/** Records for one actor and one request: `audit('share.revoke', 'changed', shareId, { detail })`. */
export type AuditRecorder = (
  action: AuditAction,
  outcome: AuditOutcome,
  subjectId?: string | null,
  extras?: AuditExtras,
) => Promise<void>;

export function auditor(actorId: string | null, context?: RequestContext): AuditRecorder {
  return (action, outcome, subjectId, extras) =>
    recordAudit({ actorId, action, outcome, subjectId, context, ...extras });
}

/** An action or outcome code as an SQL value, checked against the vocabulary. */
export const auditCode = (code: AuditAction | AuditOutcome): Prisma.Sql => Prisma.sql`${code}`;

export interface AuditRowSql {
  /** SQL over the statement's own rows: the actor as the statement found it (NULL for anonymous visitors). */
  actorId: Prisma.Sql;
  /** SQL over the statement's own rows, built from auditCode() values. */
  action: Prisma.Sql;
  outcome: Prisma.Sql;
  subjectType: AuditSubjectType;
  subjectId: Prisma.Sql;
  urlExpiresAt: Prisma.Sql;
  detail: Prisma.Sql;
  context: RequestContext;
}

/**
 * recordAudit's row as an INSERT … SELECT, for statements that decide and record in one round trip
 * (a download click): the audit stays synchronous and in the same transaction as the decision.
 */
export function auditInsertSql(row: AuditRowSql, from: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`INSERT INTO "AuditEvent"
      ("id", "actorId", "action", "outcome", "subjectType", "subjectId", "urlExpiresAt", "ip", "userAgent", "detail")
    SELECT gen_random_uuid()::text, ${row.actorId}, ${row.action}, ${row.outcome}, ${row.subjectType}, ${row.subjectId},
      ${row.urlExpiresAt}, ${row.context.ip}, ${row.context.userAgent}, ${row.detail}
    FROM ${from}`;
}

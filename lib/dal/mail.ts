import 'server-only';
import { auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { requireAdmin } from '@/lib/dal/session';
import { db } from '@/lib/db';
import type { MailStatus } from '@/lib/generated/prisma/enums';
import { enqueueDelivery } from '@/lib/mail/queue';
import type { RequestContext } from '@/lib/request-context';

/** How many waiting or failed mails /admin/mail lists (the oldest first: they waited longest). */
export const MAIL_LIST_LIMIT = 200;

export interface OutboxRow {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
}

export interface Outbox {
  failed: OutboxRow[];
  waiting: OutboxRow[];
  sentLastDay: number;
}

const rowSelect = {
  id: true,
  kind: true,
  to: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  lastAttemptAt: true,
} as const;

/** For admins: the mails that have not gone out (failed ones, and those still waiting or retrying). */
export async function listOutbox(): Promise<Outbox> {
  await requireAdmin();
  const dayAgo = new Date(Date.now() - 86_400_000);
  const [failed, waiting, sentLastDay] = await Promise.all([
    db.mailMessage.findMany({
      where: { status: 'FAILED' },
      orderBy: { createdAt: 'asc' },
      take: MAIL_LIST_LIMIT,
      select: rowSelect,
    }),
    db.mailMessage.findMany({
      where: { status: 'QUEUED' },
      orderBy: { createdAt: 'asc' },
      take: MAIL_LIST_LIMIT,
      select: rowSelect,
    }),
    db.mailMessage.count({ where: { status: 'SENT', sentAt: { gte: dayAgo } } }),
  ] as const);
  return { failed, waiting, sentLastDay };
}

/** For admins: sends a failed mail again, with a fresh round of retries. */
export async function retryMail(id: string, context: RequestContext): Promise<{ to: string }> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  const retried = await db.$transaction(async (tx) => {
    // Conditional: two admins clicking Retry at once queue it once; a sent mail is never queued again.
    const rows = await tx.$queryRaw<{ to: string }[]>`
      UPDATE "MailMessage" SET "status" = 'QUEUED' WHERE "id" = ${id} AND "status" = 'FAILED' RETURNING "to"`;
    if (rows.length === 1) await enqueueDelivery(id, tx);
    return rows[0];
  });
  if (!retried) {
    await audit('mail.retry', 'refused', id.slice(0, 100));
    throw new DalError('This mail is not waiting for a retry: it has been sent or is queued already. Reload the page.');
  }
  await audit('mail.retry', 'changed', id);
  return retried;
}

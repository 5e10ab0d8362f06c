import 'server-only';
import { auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { countCapped, keysetArgs, type CappedCount, type KeysetPage, type KeysetQuery } from '@/lib/dal/keyset';
import { requireAdmin } from '@/lib/dal/session';
import { db } from '@/lib/db';
import type { MailStatus } from '@/lib/generated/prisma/enums';
import { enqueueDelivery } from '@/lib/mail/queue';
import type { RequestContext } from '@/lib/request-context';

/** Rows per page of each outbox list (failed, waiting). */
export const MAIL_PAGE_SIZE = 50;

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

/** One page of one outbox list, with how many mails it holds (counted up to the cap). */
export type OutboxList = KeysetPage<OutboxRow> & { total: CappedCount };

export interface Outbox {
  failed: OutboxList;
  waiting: OutboxList;
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

/** One page of the mails in `status`, the oldest first (they waited longest), by keyset on (status, createdAt). */
async function outboxList(status: MailStatus, query: KeysetQuery): Promise<OutboxList> {
  const keyset = keysetArgs(query, MAIL_PAGE_SIZE);
  const [rows, total] = await Promise.all([
    db.mailMessage.findMany({
      where: { status },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: rowSelect,
      ...keyset.find,
    }),
    countCapped((limit) => db.mailMessage.count({ where: { status }, ...limit })),
  ]);
  return { ...keyset.page(rows), total };
}

/** For admins: the mails that have not gone out (failed ones, and those still waiting or retrying), a page of each. */
export async function listOutbox(query: { failed?: KeysetQuery; waiting?: KeysetQuery } = {}): Promise<Outbox> {
  await requireAdmin();
  const dayAgo = new Date(Date.now() - 86_400_000);
  const [failed, waiting, sentLastDay] = await Promise.all([
    outboxList('FAILED', query.failed ?? {}),
    outboxList('QUEUED', query.waiting ?? {}),
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

import 'server-only';
import { randomUUID } from 'node:crypto';
import { fromPrisma } from 'pg-boss';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { producer } from '@/lib/jobs/boss';
import { composeMail } from '@/lib/mail/layout';
import type { MailTemplate } from '@/lib/mail/template';

export interface QueueMailOptions {
  to: string;
  /** Queueing twice with the same key queues one mail (a retried request, a double click). */
  dedupeKey?: string;
  /**
   * The caller's transaction: the mail is queued if and only if the change that causes it commits
   * (an invitation row and its mail, a reset token and its link). Without it, a transaction of its own.
   */
  tx?: Prisma.TransactionClient;
}

/**
 * The one way to send mail: renders the template in the shared layout, writes it to the outbox and
 * enqueues its delivery job, both in one transaction. The job worker (lib/jobs/worker.ts) sends it
 * over SMTP with retries. Returns the outbox id, or null when `dedupeKey` was queued before.
 */
export async function queueMail<Props>(
  template: MailTemplate<Props>,
  props: Props,
  options: QueueMailOptions,
): Promise<string | null> {
  const mail = composeMail(template.body(props), { appName: env.APP_NAME, appUrl: env.APP_URL });
  const write = async (tx: Prisma.TransactionClient) => {
    const id = randomUUID();
    // ON CONFLICT: two requests with the same key race here, and exactly one row (and job) results.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "MailMessage" ("id", "kind", "to", "subject", "text", "html", "dedupeKey")
      VALUES (${id}, ${template.kind}, ${options.to}, ${mail.subject}, ${mail.text}, ${mail.html}, ${options.dedupeKey ?? null})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id"`;
    if (inserted.length === 0) return null;
    await enqueueDelivery(id, tx);
    return id;
  };
  return options.tx ? write(options.tx) : db.$transaction(write);
}

/** The delivery job of one outbox row, in the given transaction (queueing, and an admin's retry). */
export async function enqueueDelivery(messageId: string, tx: Prisma.TransactionClient): Promise<void> {
  // pg-boss starts on first use in a process (its own pool, not this transaction); then at once.
  const boss = await producer();
  await boss.send('mail', { messageId }, { db: fromPrisma(tx) });
}

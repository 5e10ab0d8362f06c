import 'server-only';
import { recordAudit } from '@/lib/dal/audit';
import { db } from '@/lib/db';
import { sendSmtp } from '@/lib/mail/smtp';

export type DeliveryOutcome = 'sent' | 'skipped';

/**
 * Sends one outbox row (the mail queue's job handler). pg-boss gives each job to one worker at a
 * time; the row's status is the second guard, so a job that runs again after its mail went out (an
 * admin's retry racing a late success) sends nothing. Throws when SMTP refuses, so that pg-boss
 * retries with backoff; `lastAttempt` marks the row FAILED for the admin instead.
 */
export async function deliverMail(messageId: string, options: { lastAttempt: boolean }): Promise<DeliveryOutcome> {
  const [message] = await db.$queryRaw<{ to: string; subject: string; text: string; html: string }[]>`
    UPDATE "MailMessage" SET "attempts" = "attempts" + 1, "lastAttemptAt" = now()
    WHERE "id" = ${messageId} AND "status" = 'QUEUED'
    RETURNING "to", "subject", "text", "html"`;
  if (!message) return 'skipped';
  try {
    await sendSmtp(message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db.mailMessage.update({
      where: { id: messageId },
      data: { lastError: reason.slice(0, 1000), ...(options.lastAttempt ? { status: 'FAILED' } : {}) },
    });
    if (options.lastAttempt) {
      await recordAudit({
        actorId: null,
        action: 'mail.fail',
        outcome: 'refused',
        subjectId: messageId,
        detail: { reason },
      });
    }
    throw error;
  }
  // The body goes once it is sent: it may carry a one-time link, which must not outlive its use here.
  await db.mailMessage.update({
    where: { id: messageId },
    data: { status: 'SENT', sentAt: new Date(), lastError: null, text: null, html: null },
  });
  return 'sent';
}

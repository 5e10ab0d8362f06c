import type { Metadata } from 'next';
import { OutboxTable } from '@/components/mail/outbox-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { listOutbox } from '@/lib/dal/mail';

export const metadata: Metadata = { title: 'Mail · Admin' };

export default async function MailPage() {
  const outbox = await listOutbox();
  return (
    <>
      <PageHeader
        title="Mail"
        description={`Mail that has not gone out. Each is retried with growing pauses for about 3.5 hours, then listed as failed until you retry it. Sent in the last 24 hours: ${outbox.sentLastDay}.`}
      />
      {outbox.failed.length === 0 && outbox.waiting.length === 0 ? (
        <EmptyState title="All mail has been sent">Failed and waiting mails appear here.</EmptyState>
      ) : (
        <div className="space-y-6">
          {outbox.failed.length > 0 && (
            <Panel id="failed-mail" title={`Failed (${outbox.failed.length})`}>
              <OutboxTable rows={outbox.failed} caption="Mail that could not be sent" />
            </Panel>
          )}
          {outbox.waiting.length > 0 && (
            <Panel id="waiting-mail" title={`Waiting or retrying (${outbox.waiting.length})`}>
              <OutboxTable rows={outbox.waiting} caption="Mail waiting to be sent" />
            </Panel>
          )}
        </div>
      )}
    </>
  );
}

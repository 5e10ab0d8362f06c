import type { Metadata } from 'next';
import { OutboxTable } from '@/components/mail/outbox-table';
import { EmptyState } from '@/components/ui/empty-state';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { formatCappedCount, pageQuery } from '@/lib/dal/keyset';
import { listOutbox, type OutboxList } from '@/lib/dal/mail';

export const metadata: Metadata = { title: 'Mail · Admin' };

type Param = string | string[] | undefined;
type MailParams = Record<'failedAfter' | 'failedBefore' | 'waitingAfter' | 'waitingBefore', Param>;

/** Each list pages on its own: a link to one list's page keeps the other list's page as it is. */
function listHref(params: MailParams, list: 'failed' | 'waiting', cursor: { before: string } | { after: string }) {
  const other = list === 'failed' ? 'waiting' : 'failed';
  const kept = Object.entries({
    [`${other}After`]: params[`${other}After`],
    [`${other}Before`]: params[`${other}Before`],
  }).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : []));
  const own = 'after' in cursor ? [[`${list}After`, cursor.after]] : [[`${list}Before`, cursor.before]];
  return `/admin/mail?${new URLSearchParams([...kept, ...own])}#${list}-mail`;
}

export default async function MailPage({ searchParams }: { searchParams: Promise<Partial<MailParams>> }) {
  const params = (await searchParams) as MailParams;
  const outbox = await listOutbox({
    failed: pageQuery({ after: params.failedAfter, before: params.failedBefore }),
    waiting: pageQuery({ after: params.waitingAfter, before: params.waitingBefore }),
  });
  const section = (
    list: 'failed' | 'waiting',
    title: string,
    caption: string,
    { rows, total, ...cursors }: OutboxList,
  ) =>
    total.count > 0 && (
      <Panel id={`${list}-mail`} title={`${title} (${formatCappedCount(total)})`}>
        <OutboxTable rows={rows} caption={caption} />
        <KeysetPager cursors={cursors} href={(cursor) => listHref(params, list, cursor)} />
      </Panel>
    );
  return (
    <>
      <PageHeader
        title="Mail"
        description={`Mail that has not gone out. Each is retried with growing pauses for about 3.5 hours, then listed as failed until you retry it. Sent in the last 24 hours: ${outbox.sentLastDay}.`}
      />
      {outbox.failed.total.count === 0 && outbox.waiting.total.count === 0 ? (
        <EmptyState title="All mail has been sent">Failed and waiting mails appear here.</EmptyState>
      ) : (
        <div className="space-y-6">
          {section('failed', 'Failed', 'Mail that could not be sent', outbox.failed)}
          {section('waiting', 'Waiting or retrying', 'Mail waiting to be sent', outbox.waiting)}
        </div>
      )}
    </>
  );
}

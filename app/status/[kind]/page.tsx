import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PublicShell } from '@/components/layout/public-shell';
import { StatusNotice } from '@/components/ui/status-notice';
import { isStatusKind, STATUS_PAGES, type StatusPage } from '@/lib/status-pages';

type Params = { params: Promise<{ kind: string }> };

async function pageFor({ params }: Params): Promise<StatusPage> {
  const { kind } = await params;
  if (!isStatusKind(kind)) notFound();
  return STATUS_PAGES[kind];
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  return { title: (await pageFor(props)).title, robots: { index: false, follow: false } };
}

/** What route handlers answer with when they refuse (see lib/status-response.ts): words only, no data. */
export default async function StatusRoutePage(props: Params) {
  const page = await pageFor(props);
  return (
    <PublicShell home={Boolean(page.back)}>
      <StatusNotice title={page.title} back={page.back}>
        <p>{page.body}</p>
      </StatusNotice>
    </PublicShell>
  );
}

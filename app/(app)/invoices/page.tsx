import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/dal/session';

export const metadata: Metadata = { title: 'Invoices' };

export default async function InvoicesPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Invoices" description="Download links are issued when you ask for them and expire." />
      <EmptyState title="No invoices yet">Invoices we send you will appear here.</EmptyState>
    </>
  );
}

import type { Metadata } from 'next';
import { LabRunner } from '@/components/storage/lab-runner';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/dal/session';

export const metadata: Metadata = { title: 'Access-control lab' };

export default async function StorageLabPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Access-control lab"
        description="Replays requests against the live bucket and shows, for each, the answer S3 gave next to the one its access controls call for, and which layer decided. It writes one private object under lab/ and deletes it."
        link={{ href: '/admin/storage', label: 'Back to the checklist' }}
      />
      <LabRunner />
    </>
  );
}

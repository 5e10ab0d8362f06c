import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { EditShareForm } from '@/components/shares/edit-share-form';
import { getShare, shareableFiles } from '@/lib/dal/shares';

export const metadata: Metadata = { title: 'Edit share' };

export default async function EditSharePage({ params }: { params: Promise<{ shareId: string }> }) {
  const { shareId } = await params;
  const [share, library] = await Promise.all([getShare(shareId), shareableFiles()]);
  if (!share || share.revokedAt) notFound();
  // Files already in the share stay pickable even if they are not among the newest library files.
  const files = [...share.files, ...library.filter((f) => !share.files.some((s) => s.id === f.id))];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/shares/${share.id}`} className="text-brand-700 hover:underline">
          ← Back to the share
        </Link>
      </p>
      <PageHeader
        title={`Edit “${share.title}”`}
        description="Changes apply to every recipient’s link at their next click."
      />
      <EditShareForm
        shareId={share.id}
        terms={{
          title: share.title,
          message: share.message,
          expiresAt: share.expiresAt.toISOString(),
          maxDownloads: share.maxDownloads,
        }}
        hasPassword={share.hasPassword}
        files={files}
        selectedFileIds={share.files.map((f) => f.id)}
      />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { CreateShareForm } from '@/components/shares/create-share-form';
import { shareableFiles } from '@/lib/dal/shares';

export const metadata: Metadata = { title: 'New share' };

export default async function NewSharePage() {
  const files = await shareableFiles();
  return (
    <>
      <PageHeader
        title="New share"
        description="Choose files and recipients. Each recipient gets their own link, which you see once."
      />
      {files.length === 0 ? (
        <EmptyState title="No files to share yet">
          Upload files to the{' '}
          <Link href="/admin/files" className="text-brand-700 underline">
            file library
          </Link>{' '}
          first; ready files appear here.
        </EmptyState>
      ) : (
        <CreateShareForm files={files} />
      )}
    </>
  );
}

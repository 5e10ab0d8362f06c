import type { Metadata } from 'next';
import { FileTable, type TableQuery } from '@/components/library/file-table';
import { FileUploader } from '@/components/library/file-uploader';
import { PageHeader } from '@/components/ui/page-header';
import { libraryUsage, listLibraryFiles, SORT_COLUMNS, type SortKey } from '@/lib/dal/library-files';
import { requireAdmin } from '@/lib/dal/session';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Files' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function FilesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const params = await searchParams;
  // hasOwn, not `in`: ?sort=__proto__ or ?sort=constructor must not pick an inherited property.
  const sort: SortKey = Object.hasOwn(SORT_COLUMNS, one(params.sort)) ? (one(params.sort) as SortKey) : 'date';
  const dir = one(params.dir);
  const query: TableQuery = {
    search: one(params.q).slice(0, 200),
    sort,
    direction: dir === 'asc' || dir === 'desc' ? dir : sort === 'date' ? 'desc' : 'asc',
  };
  const [page, usage] = await Promise.all([
    listLibraryFiles({ ...query, after: one(params.after) || undefined, before: one(params.before) || undefined }),
    libraryUsage(),
  ]);
  return (
    <>
      <PageHeader
        title="Files"
        description="Private files kept for sharing with partners. Uploads go straight to storage; a file is listed as ready once storage confirms every byte."
      />
      <FileUploader usage={usage} />
      <FileTable page={page} query={query} oldVersionDays={env.S3_NONCURRENT_VERSION_DAYS} />
    </>
  );
}

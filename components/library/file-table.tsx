import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonStyles } from '@/components/ui/button-styles';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { inputStyles } from '@/components/ui/field';
import { DateTime } from '@/components/ui/date-time';
import { FileActions } from '@/components/library/file-actions';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import type { LibraryPage, SortKey } from '@/lib/dal/library-files';
import { formatBytes } from '@/lib/format';
import { formatCappedCount } from '@/lib/dal/keyset';

export interface TableQuery {
  search: string;
  sort: SortKey;
  direction: 'asc' | 'desc';
}

function href(query: TableQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    ...(query.search ? { q: query.search } : {}),
    sort: query.sort,
    dir: query.direction,
    ...extra,
  });
  return `/admin/files?${params}`;
}

/** A sortable column: its header links to the list sorted by it (or the other way round). */
function sortColumn(label: string, column: SortKey, query: TableQuery): DataTableColumn {
  const active = query.sort === column;
  const next = active && query.direction === 'asc' ? 'desc' : 'asc';
  return {
    label,
    sort: active ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined,
    header: (
      <Link
        href={href({ ...query, sort: column, direction: active ? next : column === 'date' ? 'desc' : 'asc' })}
        className="hover:text-slate-900"
      >
        {label}
        {active ? (query.direction === 'asc' ? ' ↑' : ' ↓') : ''}
      </Link>
    ),
  };
}

/** The library: search by name, sort by name, size or date, and page by keyset cursors. */
/** `oldVersionDays`: how long storage keeps a deleted file's bytes as an old version (S3_NONCURRENT_VERSION_DAYS). */
export function FileTable({
  page,
  query,
  oldVersionDays,
}: {
  page: LibraryPage;
  query: TableQuery;
  oldVersionDays: number;
}) {
  return (
    <section
      aria-labelledby="files-heading"
      className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-col gap-3 border-b border-slate-200 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 id="files-heading" className="text-sm font-semibold text-slate-900">
          Files ({formatCappedCount(page.total)})
        </h2>
        <form role="search" action="/admin/files" className="flex gap-2">
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.direction} />
          <label className="sr-only" htmlFor="file-search">
            Search by name
          </label>
          <input
            id="file-search"
            name="q"
            type="search"
            defaultValue={query.search}
            placeholder="Search by name"
            className={`${inputStyles} mt-0 py-1.5 text-sm sm:w-64`}
          />
          <button type="submit" className={buttonStyles.secondary}>
            Search
          </button>
        </form>
      </div>
      {page.files.length === 0 ? (
        <div className="p-4">
          <EmptyState title={query.search ? `No files match “${query.search}”` : 'No files yet'}>
            {query.search
              ? 'Try another part of the name.'
              : 'Upload files above; they appear here once storage confirms them.'}
          </EmptyState>
        </div>
      ) : (
        <DataTable
          columns={[
            sortColumn('Name', 'name', query),
            sortColumn('Size', 'size', query),
            { label: 'Type' },
            { label: 'Uploaded by' },
            sortColumn('Date', 'date', query),
            { label: 'Status' },
            { label: 'Actions', srOnly: true },
          ]}
        >
          {page.files.map((file) => (
            <tr key={file.id}>
              <td className="max-w-xs px-4 py-2 font-medium break-words text-slate-900">{file.name}</td>
              <td data-label="Size" className="px-4 py-2 whitespace-nowrap text-slate-600">
                {formatBytes(file.sizeBytes)}
              </td>
              <td
                data-label="Type"
                className="max-w-[10rem] truncate px-4 py-2 text-slate-600"
                title={file.contentType}
              >
                {file.contentType}
              </td>
              <td data-label="Uploaded by" className="px-4 py-2 text-slate-600">
                {file.uploadedBy ?? 'Former user'}
              </td>
              <td data-label="Date" className="px-4 py-2 whitespace-nowrap text-slate-600">
                <DateTime value={file.createdAt} />
              </td>
              <td data-label="Status" className="px-4 py-2">
                {file.status === 'READY' ? (
                  <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
                    Ready
                  </span>
                ) : (
                  <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">
                    Uploading
                  </span>
                )}
              </td>
              <td className="px-4 py-2">
                <FileActions
                  fileId={file.id}
                  name={file.name}
                  ready={file.status === 'READY'}
                  oldVersionDays={oldVersionDays}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <KeysetPager cursors={page} href={(cursor) => href(query, cursor)} />
    </section>
  );
}

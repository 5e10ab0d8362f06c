import { fileKind, type FileKind } from '@/lib/files/file-kind';
import { formatBytes } from '@/lib/format';

/** Each kind's badge: a short label on a colour, so files can be told apart at a glance. */
const BADGES: Record<FileKind, { label: string; className: string }> = {
  image: { label: 'IMG', className: 'bg-violet-100 text-violet-800' },
  pdf: { label: 'PDF', className: 'bg-red-100 text-red-800' },
  video: { label: 'VID', className: 'bg-pink-100 text-pink-800' },
  audio: { label: 'AUD', className: 'bg-amber-100 text-amber-900' },
  archive: { label: 'ZIP', className: 'bg-yellow-100 text-yellow-900' },
  spreadsheet: { label: 'XLS', className: 'bg-emerald-100 text-emerald-800' },
  text: { label: 'DOC', className: 'bg-sky-100 text-sky-800' },
  other: { label: 'FILE', className: 'bg-slate-100 text-slate-700' },
};

/** A file's type as a small document-shaped badge. Decorative: the type is also written beside it. */
export function FileTypeIcon({ contentType }: { contentType: string }) {
  const badge = BADGES[fileKind(contentType)];
  return (
    <span
      aria-hidden="true"
      className={`inline-flex h-10 w-8 shrink-0 items-end justify-center rounded-sm rounded-tr-lg pb-1 text-[0.625rem] font-bold tracking-wide ${badge.className}`}
    >
      {badge.label}
    </span>
  );
}

/** A file at a glance: its type badge, its name (truncated) and, below, its size and type. */
export function FileSummary({ file }: { file: { name: string; sizeBytes: number; contentType: string } }) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <FileTypeIcon contentType={file.contentType} />
      <div className="min-w-0">
        <p className="truncate font-medium text-slate-900">{file.name}</p>
        <p className="text-xs text-slate-500">
          {formatBytes(file.sizeBytes)} · {file.contentType}
        </p>
      </div>
    </div>
  );
}

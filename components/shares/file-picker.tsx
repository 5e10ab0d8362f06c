'use client';

import { useRef, useState } from 'react';
import { searchShareableFilesAction } from '@/lib/actions/shares';
import { formatBytes } from '@/lib/format';
import { FieldError, inputStyles } from '@/components/ui/field';

export interface PickableFile {
  id: string;
  name: string;
  sizeBytes: number;
  contentType: string;
}

/**
 * Checkboxes for the library's ready files (submitted as `fileId`). The newest files are listed;
 * typing searches every ready file by name on the server (the library may hold thousands). Chosen
 * files stay listed, and submitted, whatever the search shows.
 */
export function FilePicker({
  files,
  defaultSelected = [],
  error,
}: {
  files: PickableFile[];
  defaultSelected?: string[];
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(files);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [chosen, setChosen] = useState(
    () => new Map(files.filter((f) => defaultSelected.includes(f.id)).map((f) => [f.id, f])),
  );
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(0);

  const onSearch = (value: string) => {
    setSearch(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const request = ++latest.current;
      setSearching(true);
      const result = await searchShareableFilesAction(value);
      if (request !== latest.current) return; // a newer search is under way
      setSearching(false);
      setSearchError(result.status === 'error' ? result.message : null);
      if (result.status === 'success' && result.data) setShown(result.data);
    }, 250);
  };

  const toggle = (file: PickableFile, on: boolean) =>
    setChosen((previous) => {
      const next = new Map(previous);
      if (on) next.set(file.id, file);
      else next.delete(file.id);
      return next;
    });

  const list = [...[...chosen.values()].filter((f) => !shown.some((s) => s.id === f.id)), ...shown];
  return (
    <fieldset aria-describedby={error ? 'files-error' : undefined}>
      <legend className="text-sm font-medium text-slate-800">Files ({chosen.size} chosen)</legend>
      <label htmlFor="file-search" className="sr-only">
        Search files by name
      </label>
      <input
        id="file-search"
        type="search"
        placeholder="Search files by name"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        className={inputStyles}
      />
      <p className="mt-1 text-xs text-slate-500" aria-live="polite">
        {searchError ??
          (searching
            ? 'Searching…'
            : search.trim()
              ? `${shown.length} matching file${shown.length === 1 ? '' : 's'}`
              : 'Newest ready files; search to find others.')}
      </p>
      <ul className="mt-2 max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
        {list.length === 0 && (
          <li className="px-3 py-4 text-center text-sm text-slate-500">No ready files match “{search}”.</li>
        )}
        {list.map((file) => (
          <li key={file.id} className="flex items-center gap-3 px-3 py-2 text-sm">
            <input
              id={`file-${file.id}`}
              type="checkbox"
              name="fileId"
              value={file.id}
              checked={chosen.has(file.id)}
              onChange={(e) => toggle(file, e.target.checked)}
              className="size-4 shrink-0 accent-brand-600"
            />
            {/* Name and details side by side, or one above the other on a phone: a long type never widens the page. */}
            <label
              htmlFor={`file-${file.id}`}
              className="flex min-w-0 flex-1 flex-col sm:flex-row sm:items-center sm:justify-between sm:gap-3"
            >
              <span className="truncate font-medium text-slate-900">{file.name}</span>
              <span className="truncate text-xs text-slate-500 sm:shrink-0">
                {formatBytes(file.sizeBytes)} · {file.contentType}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && <FieldError id="files-error">{error}</FieldError>}
    </fieldset>
  );
}

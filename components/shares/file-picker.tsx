'use client';

import { useState } from 'react';
import { formatBytes } from '@/lib/format';
import { inputStyles } from '@/components/shares/field';

export interface PickableFile {
  id: string;
  name: string;
  sizeBytes: number;
  contentType: string;
}

/** Checkboxes for the library's ready files (submitted as `fileId`), with a name filter. */
export function FilePicker({ files, defaultSelected = [], error }: { files: PickableFile[]; defaultSelected?: string[]; error?: string }) {
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState(() => new Set(defaultSelected));
  const needle = filter.trim().toLowerCase();
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <fieldset aria-describedby={error ? 'files-error' : undefined}>
      <legend className="text-sm font-medium text-slate-800">Files ({selected.size} chosen)</legend>
      <label htmlFor="file-filter" className="sr-only">
        Filter files by name
      </label>
      <input id="file-filter" type="search" placeholder="Filter files by name" value={filter} onChange={(e) => setFilter(e.target.value)} className={inputStyles} />
      <ul className="mt-2 max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
        {files.map((file) => {
          const visible = !needle || file.name.toLowerCase().includes(needle) || selected.has(file.id);
          return (
            <li key={file.id} hidden={!visible} className="flex items-center gap-3 px-3 py-2 text-sm">
              <input
                id={`file-${file.id}`}
                type="checkbox"
                name="fileId"
                value={file.id}
                checked={selected.has(file.id)}
                onChange={(e) => toggle(file.id, e.target.checked)}
                className="size-4 shrink-0 accent-brand-600"
              />
              <label htmlFor={`file-${file.id}`} className="min-w-0 flex-1 truncate font-medium text-slate-900">
                {file.name}
              </label>
              <span className="shrink-0 text-xs text-slate-500">
                {formatBytes(file.sizeBytes)} · {file.contentType}
              </span>
            </li>
          );
        })}
      </ul>
      {error && (
        <p id="files-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

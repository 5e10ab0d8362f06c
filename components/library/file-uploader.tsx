'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { buttonStyles } from '@/components/ui/button-styles';
import { DropZone } from '@/components/ui/drop-zone';
import { FileButton } from '@/components/ui/file-button';
import { ProgressBar } from '@/components/ui/progress-bar';
import {
  abortLibraryFileUploadAction,
  completeLibraryFileUploadAction,
  createLibraryFileUploadAction,
  resumeLibraryFileUploadAction,
  signLibraryFileUploadPartAction,
} from '@/lib/actions/library-files';
import { formatBytes, formatDuration } from '@/lib/format';
import type { LibraryUsage } from '@/lib/dal/library-files';
import { LibraryUpload, type LibraryUploadApi, type UploadSnapshot } from '@/lib/library-uploader';

const api: LibraryUploadApi = {
  create: createLibraryFileUploadAction,
  resume: resumeLibraryFileUploadAction,
  signPart: signLibraryFileUploadPartAction,
  complete: completeLibraryFileUploadAction,
  abort: abortLibraryFileUploadAction,
};

interface Entry {
  key: number;
  upload: LibraryUpload;
  snapshot: UploadSnapshot;
}

function progressDetail(s: UploadSnapshot): string {
  const done = `${formatBytes(s.bytesDone)} of ${formatBytes(s.sizeBytes)}`;
  switch (s.phase) {
    case 'starting':
      return `${done} · starting…`;
    case 'uploading':
      return [
        done,
        s.bytesPerSecond ? `${formatBytes(s.bytesPerSecond)}/s` : null,
        s.secondsLeft !== null ? `${formatDuration(s.secondsLeft, { approximate: true })} left` : null,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'completing':
      return `${done} · checking with storage…`;
    case 'paused':
      return `${done} · paused`;
    case 'done':
      return `${formatBytes(s.sizeBytes)} · uploaded`;
    case 'failed':
      return `${done} · failed`;
    case 'cancelling':
      return 'cancelling…';
    case 'cancelled':
      return 'cancelled';
    case 'discarded':
      return 'discarded';
  }
}

function UploadItem({ entry, onRemove, onCancelled }: { entry: Entry; onRemove: () => void; onCancelled: () => void }) {
  const { snapshot: s, upload } = entry;
  const active = s.phase === 'starting' || s.phase === 'uploading';
  const finished = s.phase === 'done' || s.phase === 'cancelled' || s.phase === 'discarded';
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3">
      <ProgressBar label={s.name} value={s.bytesDone} max={s.sizeBytes || 1} detail={progressDetail(s)} />
      {s.resumedBytes > 0 && !finished && (
        <p className="mt-1 text-xs text-slate-600">Resumed: {formatBytes(s.resumedBytes)} were already in storage.</p>
      )}
      {s.phase === 'failed' && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          <span className="font-semibold">Failed.</span> {s.message}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        {active && (
          <button
            type="button"
            className={buttonStyles.secondary}
            onClick={() => upload.pause()}
            aria-label={`Pause ${s.name}`}
          >
            Pause
          </button>
        )}
        {(s.phase === 'paused' || s.phase === 'failed') && (
          <button
            type="button"
            className={buttonStyles.secondary}
            onClick={() => void upload.start()}
            aria-label={`Resume ${s.name}`}
          >
            Resume
          </button>
        )}
        {!finished && s.phase !== 'completing' && s.phase !== 'cancelling' && (
          <button
            type="button"
            className={buttonStyles.danger}
            onClick={() => void upload.cancel().then(onCancelled)}
            aria-label={`${s.phase === 'failed' ? 'Discard' : 'Cancel'} ${s.name}`}
          >
            {s.phase === 'failed' ? 'Discard' : 'Cancel'}
          </button>
        )}
        {finished && (
          <button type="button" className={buttonStyles.secondary} onClick={onRemove} aria-label={`Dismiss ${s.name}`}>
            Dismiss
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * "Upload files": a picker and a drop zone, several files at once, each with its own progress,
 * pause, resume and cancel. Choosing a file again after a reload resumes its unfinished upload.
 */
export function FileUploader({ usage }: { usage: LibraryUsage }) {
  const router = useRouter();
  const [entries, setEntries] = useState<Entry[]>([]);
  const nextKey = useRef(0);

  const add = useCallback(
    (files: FileList | null) => {
      for (const file of Array.from(files ?? [])) {
        const key = nextKey.current++;
        const upload = new LibraryUpload(file, api, (snapshot) => {
          setEntries((list) => list.map((e) => (e.key === key ? { ...e, snapshot } : e)));
          if (snapshot.phase === 'done') router.refresh();
        });
        setEntries((list) => [...list, { key, upload, snapshot: upload.state }]);
        void upload.start();
      }
    },
    [router],
  );

  const busy = entries.some((e) => ['starting', 'uploading', 'completing'].includes(e.snapshot.phase));
  useEffect(() => {
    if (!busy) return;
    // Closing the tab loses nothing already in storage, but say so before it happens.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  return (
    <section aria-labelledby="upload-heading" className="mb-6">
      <h2 id="upload-heading" className="sr-only">
        Upload
      </h2>
      <DropZone onFiles={add} className="px-4 py-8 text-center">
        <p className="text-sm text-slate-600">Drop files here, or</p>
        <FileButton
          variant="primary"
          className="mt-2"
          multiple
          onChange={(event) => {
            add(event.target.files);
            event.target.value = '';
          }}
        >
          Upload files
        </FileButton>
        <p className="mt-2 text-xs text-slate-500">
          Any type, up to {formatBytes(usage.maxFileBytes)} a file. Files are saved, never opened, when downloaded. An
          unfinished upload continues where it stopped when you choose the same file again.
        </p>
        <p className="mt-1 text-xs text-slate-500">
          Your storage: {formatBytes(usage.usedBytes)} of {formatBytes(usage.quotaBytes)} used.
        </p>
      </DropZone>
      {entries.length > 0 && (
        <ul aria-label="Uploads" className="mt-4 space-y-2">
          {entries.map((entry) => (
            <UploadItem
              key={entry.key}
              entry={entry}
              onRemove={() => setEntries((list) => list.filter((e) => e.key !== entry.key))}
              onCancelled={() => router.refresh()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

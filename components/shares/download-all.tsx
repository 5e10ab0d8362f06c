'use client';

import { downloadZip } from 'client-zip';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { ProgressBar } from '@/components/ui/progress-bar';
import { formatBytes, formatCount } from '@/lib/format';
import { uniqueZipNames } from '@/lib/files/zip-names';

export interface ZipFile {
  id: string;
  name: string;
  sizeBytes: number;
}

interface Skipped {
  name: string;
  reason: string;
}

type Phase =
  { step: 'idle' } | { step: 'zipping'; doneBytes: number } | { step: 'done'; saved: number; skipped: Skipped[] };

/** The File System Access API's save dialog (Chromium); absent elsewhere, where the zip becomes a Blob. */
type SavePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>;

/**
 * Download all: one zip built in the browser from each file's own pre-signed URL, so no file byte
 * passes through the app server. Each file is asked for in turn (POST to its click route, which
 * counts it as one download and signs a URL of a minute), so a URL is signed just before it is
 * fetched; a file the link may no longer download (limit reached, revoked) is left out and named.
 */
export function DownloadAll({ token, files, zipName }: { token: string; files: ZipFile[]; zipName: string }) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const totalBytes = files.reduce((sum, f) => sum + f.sizeBytes, 0);

  async function start() {
    const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
    // Asked first, while the click still counts as a user gesture; cancelling the dialog fetches nothing.
    let target: WritableStream<Uint8Array> | null = null;
    if (picker) {
      try {
        const handle = await picker({
          suggestedName: zipName,
          types: [{ description: 'Zip archive', accept: { 'application/zip': ['.zip'] } }],
        });
        target = await handle.createWritable();
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        throw error;
      }
    }
    const skipped: Skipped[] = [];
    let doneBytes = 0;
    let saved = 0;
    setPhase({ step: 'zipping', doneBytes });
    const names = uniqueZipNames(files.map((f) => f.name));
    const counted = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        doneBytes += chunk.byteLength;
        setPhase({ step: 'zipping', doneBytes });
        controller.enqueue(chunk);
      },
    });
    async function* entries() {
      for (const [index, file] of files.entries()) {
        const granted = await fetch(`/s/${encodeURIComponent(token)}/files/${encodeURIComponent(file.id)}`, {
          method: 'POST',
        });
        const body = (await granted.json().catch(() => ({}))) as { url?: string; error?: string };
        if (!granted.ok || !body.url) {
          skipped.push({ name: file.name, reason: body.error ?? `the server answered ${granted.status}` });
          continue;
        }
        const object = await fetch(body.url);
        if (!object.ok || !object.body) {
          skipped.push({ name: file.name, reason: `storage answered ${object.status}` });
          continue;
        }
        saved++;
        yield { name: names[index], input: object.body, size: file.sizeBytes };
      }
    }
    try {
      const zip = downloadZip(entries()).body!.pipeThrough(counted);
      if (target) {
        await zip.pipeTo(target);
      } else {
        const blob = await new Response(zip).blob();
        const link = Object.assign(document.createElement('a'), {
          href: URL.createObjectURL(blob),
          download: zipName,
        });
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      }
      setPhase({ step: 'done', saved, skipped });
    } catch {
      setPhase({
        step: 'done',
        saved: 0,
        skipped: [{ name: zipName, reason: 'the download broke off; check your connection and try again' }],
      });
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div>
        <button
          type="button"
          className={buttonStyles.primary}
          disabled={phase.step === 'zipping'}
          onClick={() => void start()}
        >
          {phase.step === 'zipping' ? 'Preparing zip…' : 'Download all'}
        </button>
        <p className="mt-1 text-xs text-slate-500">
          One zip of {formatCount(files.length, 'file')} ({formatBytes(totalBytes)}), built in your browser.
        </p>
      </div>
      {phase.step === 'zipping' && (
        <ProgressBar
          label="Zip progress"
          value={phase.doneBytes}
          max={totalBytes}
          detail={`${formatBytes(phase.doneBytes)} of about ${formatBytes(totalBytes)}`}
        />
      )}
      {phase.step === 'done' && (
        <Alert tone={phase.skipped.length ? 'warning' : 'success'}>
          {phase.saved > 0 && (
            <p>
              Saved {formatCount(phase.saved, 'file')} in {zipName}.
            </p>
          )}
          {phase.skipped.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {phase.skipped.map((s) => (
                <li key={s.name}>
                  Left out {s.name}: {s.reason}.
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </div>
  );
}

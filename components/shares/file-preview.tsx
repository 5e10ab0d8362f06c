'use client';

import { useRef, useState } from 'react';
import { buttonStyles } from '@/components/ui/button-styles';

/**
 * Preview of a shared image or PDF in a modal dialog. The preview URL is only requested when the
 * partner clicks (each opening signs a fresh URL of at most a minute, counted as a preview); closing
 * drops it, so nothing is fetched again in the background.
 */
export function FilePreview({ href, name, kind }: { href: string; name: string; kind: 'image' | 'pdf' }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // A new key per opening, so that reopening asks the server for a new URL instead of the cached redirect.
  const [opening, setOpening] = useState(0);
  const [open, setOpen] = useState(false);
  const src = `${href}?v=${opening}`;
  return (
    <>
      <button
        type="button"
        className={buttonStyles.secondary}
        aria-label={`Preview ${name}`}
        onClick={() => {
          setOpening((n) => n + 1);
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Preview
      </button>
      <dialog
        ref={dialog}
        aria-label={`Preview of ${name}`}
        onClose={() => setOpen(false)}
        className="m-auto h-[min(90dvh,56rem)] w-[min(96vw,64rem)] rounded-xl bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/60"
      >
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
            <p className="truncate font-medium text-slate-900">{name}</p>
            <button type="button" className={buttonStyles.secondary} onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
          <div className="flex min-h-0 flex-1 items-center justify-center bg-slate-50 p-2">
            {open &&
              (kind === 'image' ? (
                // eslint-disable-next-line @next/next/no-img-element -- a one-minute pre-signed URL: nothing for next/image to optimise or cache
                <img src={src} alt={name} className="max-h-full max-w-full object-contain" />
              ) : (
                <iframe src={src} title={name} className="h-full w-full rounded border-0 bg-white" />
              ))}
          </div>
        </div>
      </dialog>
    </>
  );
}

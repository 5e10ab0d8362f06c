'use client';

import { useEffect, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { buttonStyles } from '@/components/ui/button-styles';
import { DropZone } from '@/components/ui/drop-zone';
import { FileButton } from '@/components/ui/file-button';
import { Spinner } from '@/components/ui/form';
import { ProgressBar } from '@/components/ui/progress-bar';
import { avatarFileProblem, type AvatarContentType } from '@/lib/avatar-rules';
import { confirmAvatarUploadAction, createAvatarUploadAction, removeAvatarAction } from '@/lib/actions/avatar';
import { formatBytes } from '@/lib/format';
import { UploadError, uploadToS3 } from '@/lib/upload-client';

type Step =
  { name: 'idle' } | { name: 'uploading'; loaded: number; total: number } | { name: 'verifying'; total: number };
type Notice = { tone: 'error' | 'success'; text: string } | null;
/** A chosen photo waiting for "Save photo": its preview URL (blob:) and whether to crop it square. */
type Chosen = { file: File; preview: string; square: boolean } | null;

/** Larger photos are scaled down when cropped: a profile photo is never shown bigger than this. */
const CROP_MAX_PX = 1024;

/**
 * The centre square of `file`, drawn on a canvas and encoded in the file's own type: the cropped
 * image is what goes to storage (through the same pre-signed POST), the original never leaves.
 */
async function cropSquare(file: File): Promise<File | null> {
  const bitmap = await createImageBitmap(file);
  const side = Math.min(bitmap.width, bitmap.height);
  const size = Math.min(side, CROP_MAX_PX);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  canvas
    .getContext('2d')!
    .drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, size, size);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, file.type, 0.9));
  return blob && new File([blob], file.name, { type: blob.type });
}

/**
 * The profile photo and its controls. A chosen file goes from the browser straight to S3 through a
 * pre-signed POST (the app server never receives its bytes), then the server verifies it.
 */
export function AvatarEditor({
  name,
  avatarUrl,
  contentTypes,
  maxBytes,
}: {
  name: string;
  avatarUrl: string | null;
  contentTypes: readonly AvatarContentType[];
  maxBytes: number;
}) {
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [notice, setNotice] = useState<Notice>(null);
  const [removing, startRemoving] = useTransition();
  const [chosen, setChosen] = useState<Chosen>(null);
  const busy = step.name !== 'idle' || removing;
  const preview = chosen?.preview;
  useEffect(() => (preview ? () => URL.revokeObjectURL(preview) : undefined), [preview]);

  /** A picked or dropped file: checked at once, then previewed until the user saves it. */
  function choose(file: File | undefined) {
    setNotice(null);
    if (!file) return;
    const problem = avatarFileProblem(file.type, file.size, maxBytes);
    if (problem) return setNotice({ tone: 'error', text: problem });
    setChosen({ file, preview: URL.createObjectURL(file), square: false });
  }

  async function save() {
    if (!chosen) return;
    setNotice(null);
    const file = chosen.square ? await cropSquare(chosen.file).catch(() => null) : chosen.file;
    if (!file)
      return setNotice({
        tone: 'error',
        text: 'This photo could not be cropped here. Save it uncropped, or choose another.',
      });
    setChosen(null);
    await upload(file);
  }

  async function upload(file: File) {
    setStep({ name: 'uploading', loaded: 0, total: file.size });
    try {
      const form = await createAvatarUploadAction({ contentType: file.type, size: file.size });
      if (form.status !== 'success' || !form.data)
        return setNotice({ tone: 'error', text: form.status === 'error' ? form.message : 'Try again.' });
      const { url, fields, uploadId } = form.data;
      await uploadToS3({ method: 'POST', url, fields }, file, {
        onProgress: ({ loaded, total }) => setStep({ name: 'uploading', loaded, total }),
      });
      setStep({ name: 'verifying', total: file.size });
      const confirmed = await confirmAvatarUploadAction({ uploadId });
      setNotice(
        confirmed.status === 'success'
          ? { tone: 'success', text: confirmed.message ?? 'Your new photo is saved.' }
          : { tone: 'error', text: confirmed.status === 'error' ? confirmed.message : 'Try again.' },
      );
    } catch (error) {
      setNotice({
        tone: 'error',
        text: error instanceof UploadError ? error.message : 'The upload failed. Check your connection and try again.',
      });
    } finally {
      setStep({ name: 'idle' });
    }
  }

  function remove() {
    setNotice(null);
    startRemoving(async () => {
      const result = await removeAvatarAction();
      if (result.status === 'error') setNotice({ tone: 'error', text: result.message });
      else if (result.status === 'success')
        setNotice({ tone: 'success', text: result.message ?? 'Your photo was removed.' });
    });
  }

  return (
    <div className="flex w-full flex-col gap-4 sm:flex-row sm:items-start">
      <Avatar name={name} src={avatarUrl} size="lg" />
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <DropZone onFiles={(files) => !busy && choose(files[0])} className="p-4">
          <p className="text-sm font-medium text-slate-800">Profile photo</p>
          <p id="avatar-file-hint" className="mt-1 text-xs text-slate-500">
            Drop a photo here or choose one: JPEG, PNG or WebP, up to {formatBytes(maxBytes)}. You see it before it is
            saved.
          </p>
          <FileButton
            className="mt-3"
            accept={contentTypes.join(',')}
            disabled={busy}
            aria-describedby="avatar-file-hint"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared at once, so that choosing the same file again (a retry) fires another change.
              event.target.value = '';
              choose(file);
            }}
          >
            Choose photo
          </FileButton>
        </DropZone>
        {chosen && (
          <section aria-label="New photo" className="flex flex-col gap-3 sm:flex-row sm:items-start">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: preview, never sent anywhere */}
            <img
              src={chosen.preview}
              alt="Preview of the new photo"
              className={`size-40 rounded-lg bg-slate-100 ring-1 ring-slate-200 ${chosen.square ? 'object-cover' : 'object-contain'}`}
            />
            <div className="flex flex-col gap-3">
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  checked={chosen.square}
                  onChange={(event) => setChosen({ ...chosen, square: event.target.checked })}
                  className="size-4 accent-brand-600"
                />
                Crop to a square (the centre of the photo)
              </label>
              <div className="flex flex-wrap gap-2">
                <button type="button" onClick={() => void save()} disabled={busy} className={buttonStyles.primary}>
                  Save photo
                </button>
                <button type="button" onClick={() => setChosen(null)} className={buttonStyles.secondary}>
                  Cancel
                </button>
              </div>
            </div>
          </section>
        )}
        {step.name === 'uploading' && (
          <ProgressBar
            label="Uploading photo"
            value={step.loaded}
            max={step.total}
            detail={`${formatBytes(step.loaded)} of ${formatBytes(step.total)}`}
          />
        )}
        {step.name === 'verifying' && (
          <ProgressBar label="Uploading photo" value={step.total} max={step.total} detail="Checking the photo…" />
        )}
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        {avatarUrl && (
          <div>
            <button type="button" onClick={remove} disabled={busy} className={buttonStyles.danger}>
              {removing && <Spinner />}
              {removing ? 'Removing…' : 'Remove photo'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

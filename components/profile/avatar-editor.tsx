'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { buttonStyles } from '@/components/ui/button-styles';
import { ProgressBar } from '@/components/ui/progress-bar';
import { avatarFileProblem, type AvatarContentType } from '@/lib/avatar-rules';
import { confirmAvatarUploadAction, createAvatarUploadAction, removeAvatarAction } from '@/lib/actions/avatar';
import { formatBytes } from '@/lib/format';
import { UploadError, uploadToS3 } from '@/lib/upload-client';

type Step =
  { name: 'idle' } | { name: 'uploading'; loaded: number; total: number } | { name: 'verifying'; total: number };
type Notice = { tone: 'error' | 'success'; text: string } | null;

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
  const busy = step.name !== 'idle' || removing;

  async function upload(file: File) {
    setNotice(null);
    const problem = avatarFileProblem(file.type, file.size, maxBytes);
    if (problem) return setNotice({ tone: 'error', text: problem });

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
        <div>
          <label htmlFor="avatar-file" className="block text-sm font-medium text-slate-800">
            Profile photo
          </label>
          <input
            id="avatar-file"
            type="file"
            accept={contentTypes.join(',')}
            disabled={busy}
            aria-describedby="avatar-file-hint"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared at once, so that choosing the same file again (a retry) fires another change.
              event.target.value = '';
              if (file) void upload(file);
            }}
            className="mt-1 block w-full max-w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-brand-700 hover:file:bg-brand-100 disabled:opacity-60"
          />
          <p id="avatar-file-hint" className="mt-1 text-xs text-slate-500">
            JPEG, PNG or WebP, up to {formatBytes(maxBytes)}.
          </p>
        </div>
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
              {removing ? 'Removing…' : 'Remove photo'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

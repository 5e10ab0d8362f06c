'use client';

import { issueRawShareUrlAction } from '@/lib/actions/shares';
import { rawUrlForm } from '@/lib/shares/input';
import { Alert } from '@/components/ui/alert';
import { describedBy, FieldError, inputStyles } from '@/components/ui/field';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';
import { DateTime } from '@/components/ui/date-time';
import { formatDuration } from '@/lib/format';

const LIFETIMES = [3_600, 86_400, 604_800];

/** Issues a bare pre-signed URL for one file, after a warning that spells out what it cannot do. */
export function RawUrlForm({
  shareId,
  files,
  maxSeconds,
}: {
  shareId: string;
  files: { id: string; name: string }[];
  maxSeconds: number;
}) {
  const form = useFormAction(issueRawShareUrlAction, rawUrlForm);
  const { state, errors } = form;
  const lifetimes = LIFETIMES.filter((seconds) => seconds <= maxSeconds);
  return (
    <form {...form.props} className="space-y-4">
      <Alert tone="warning">
        A raw URL goes straight to storage. It <strong>cannot be revoked</strong>: it works for{' '}
        <strong>anyone who holds it</strong> until it expires, and no password, download limit or log applies to it. It
        may also <strong>stop early</strong> if the credentials that signed it expire first. Prefer the share links
        above whenever a person downloads the file.
      </Alert>
      <FormMessage state={state} />
      {state.status === 'success' && state.data && (
        <div>
          <label htmlFor="raw-url" className="block text-sm font-medium text-slate-800">
            Raw URL for {state.data.fileName} (valid until <DateTime value={state.data.expiresAt} />)
          </label>
          <input
            id="raw-url"
            readOnly
            value={state.data.url}
            onFocus={(e) => e.target.select()}
            className={`${inputStyles} font-mono text-xs`}
          />
        </div>
      )}
      <input type="hidden" name="shareId" value={shareId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="raw-file" className="block text-sm font-medium text-slate-800">
            File
          </label>
          <select id="raw-file" name="fileId" className={inputStyles}>
            {files.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="raw-ttl" className="block text-sm font-medium text-slate-800">
            Valid for
          </label>
          <select id="raw-ttl" name="ttlSeconds" className={inputStyles} defaultValue={lifetimes[0] ?? maxSeconds}>
            {lifetimes.length === 0 && <option value={maxSeconds}>{formatDuration(maxSeconds)}</option>}
            {lifetimes.map((seconds) => (
              <option key={seconds} value={seconds}>
                {formatDuration(seconds)}
              </option>
            ))}
          </select>
          {maxSeconds < 604_800 && (
            <p className="mt-1 text-xs text-slate-500">
              The longest this server allows is {formatDuration(maxSeconds)} (TTL_RAW_SHARE_SECONDS).
            </p>
          )}
        </div>
      </div>
      <div>
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="acknowledged"
            value="yes"
            className="mt-0.5 accent-brand-600"
            {...describedBy('acknowledged', undefined, errors.acknowledged)}
          />
          I understand this URL cannot be revoked and works for anyone who has it.
        </label>
        {errors.acknowledged && <FieldError id="acknowledged-error">{errors.acknowledged}</FieldError>}
      </div>
      <SubmitButton pending={form.pending} pendingLabel="Issuing…" variant="danger">
        Issue raw URL
      </SubmitButton>
    </form>
  );
}

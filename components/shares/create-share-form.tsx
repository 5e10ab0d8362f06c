'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { createShareAction } from '@/lib/actions/shares';
import { idle, type ActionState } from '@/lib/action-state';
import type { CreatedShare } from '@/lib/dal/shares';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { ExpiryField } from '@/components/shares/expiry-field';
import { describedBy, Field, inputStyles } from '@/components/ui/field';
import { FilePicker, type PickableFile } from '@/components/shares/file-picker';
import { IssuedLinks } from '@/components/shares/issued-links';
import { RecipientRows } from '@/components/shares/recipient-rows';

export function CreateShareForm({ files }: { files: PickableFile[] }) {
  const [state, formAction, pending] = useActionState<ActionState<CreatedShare>, FormData>(createShareAction, idle);
  if (state.status === 'success' && state.data) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Share created. Send each person their own link.</Alert>
        <IssuedLinks links={state.data.links} />
        <Link href={`/admin/shares/${state.data.shareId}`} className={buttonStyles.primary}>
          View share
        </Link>
      </div>
    );
  }
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200" noValidate>
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <TermsFields errors={errors} />
      <Field
        id="password"
        label="Password (optional)"
        hint="At least 8 characters. Partners must type it before they see the files; tell them separately."
        error={errors.password}
      >
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          className={inputStyles}
          {...describedBy('password', 'hint', errors.password)}
        />
      </Field>
      <FilePicker files={files} error={errors.fileIds} />
      <RecipientRows error={errors.recipients} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? 'Creating…' : 'Create share'}
      </button>
    </form>
  );
}

export interface ShareTerms {
  title: string;
  message: string;
  expiresAt: string;
  maxDownloads: number | null;
}

/** Title, message, end of access and download limit: the same fields when creating and editing. */
export function TermsFields({ errors, defaults }: { errors: Partial<Record<string, string>>; defaults?: ShareTerms }) {
  return (
    <>
      <Field id="title" label="Title" error={errors.title}>
        <input
          id="title"
          name="title"
          required
          maxLength={200}
          defaultValue={defaults?.title}
          className={inputStyles}
          {...describedBy('title', undefined, errors.title)}
        />
      </Field>
      <Field id="message" label="Message (optional)" hint="Shown to partners above the files." error={errors.message}>
        <textarea
          id="message"
          name="message"
          rows={3}
          maxLength={5000}
          defaultValue={defaults?.message}
          className={inputStyles}
          {...describedBy('message', 'hint', errors.message)}
        />
      </Field>
      <ExpiryField defaultIso={defaults?.expiresAt} error={errors.expiresAt} />
      <Field
        id="maxDownloads"
        label="Maximum downloads per recipient (optional)"
        hint="Leave empty for no limit."
        error={errors.maxDownloads}
      >
        <input
          id="maxDownloads"
          name="maxDownloads"
          type="number"
          min={1}
          inputMode="numeric"
          defaultValue={defaults?.maxDownloads ?? ''}
          className={`${inputStyles} sm:max-w-40`}
          {...describedBy('maxDownloads', 'hint', errors.maxDownloads)}
        />
      </Field>
    </>
  );
}

'use client';

import Link from 'next/link';
import { createShareAction } from '@/lib/actions/shares';
import { createShareForm } from '@/lib/shares/input';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { ExpiryField } from '@/components/shares/expiry-field';
import { describedBy, Field, inputStyles, TextField } from '@/components/ui/field';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';
import { FilePicker, type PickableFile } from '@/components/shares/file-picker';
import { IssuedLinks } from '@/components/shares/issued-links';
import { RecipientRows } from '@/components/shares/recipient-rows';

export function CreateShareForm({ files }: { files: PickableFile[] }) {
  const form = useFormAction(createShareAction, createShareForm);
  if (form.state.status === 'success' && form.state.data) {
    const created = form.state.data;
    return (
      <div className="space-y-4">
        <Alert tone="success">Share created. Send each person their own link.</Alert>
        <IssuedLinks shareId={created.shareId} links={created.links} />
        <Link href={`/admin/shares/${created.shareId}`} className={buttonStyles.primary}>
          View share
        </Link>
      </div>
    );
  }
  const { errors } = form;
  return (
    <form {...form.props} className={formCardStyles}>
      <FormMessage state={form.state} />
      <TermsFields errors={errors} />
      <PasswordField
        label="Password (optional)"
        hint={`${PASSWORD_HINT} Partners must type it before they see the files; tell them separately.`}
        error={errors.password}
      />
      <FilePicker files={files} error={errors.fileIds} />
      <RecipientRows errors={errors} />
      <SubmitButton pending={form.pending} pendingLabel="Creating…">
        Create share
      </SubmitButton>
    </form>
  );
}

/** The white card every full-page form sits in. */
export const formCardStyles = 'space-y-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200';

const PASSWORD_HINT = 'At least 8 characters.';

/** A share's password when it is being set: the same rules on create and edit. */
export function PasswordField({
  label,
  hint = PASSWORD_HINT,
  error,
}: {
  label: string;
  hint?: string;
  error?: string;
}) {
  return (
    <TextField
      id="password"
      label={label}
      hint={hint}
      type="password"
      autoComplete="new-password"
      minLength={8}
      maxLength={200}
      error={error}
    />
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
      <TextField
        id="title"
        label="Title"
        required
        maxLength={200}
        defaultValue={defaults?.title}
        error={errors.title}
      />
      <Field id="message" label="Message (optional)" hint="Shown to partners above the files." error={errors.message}>
        <textarea
          id="message"
          name="message"
          rows={3}
          maxLength={5000}
          defaultValue={defaults?.message}
          className={inputStyles}
          {...describedBy('message', 'Shown to partners above the files.', errors.message)}
        />
      </Field>
      <ExpiryField defaultIso={defaults?.expiresAt} error={errors.expiresAt} />
      <TextField
        id="maxDownloads"
        label="Maximum downloads per recipient (optional)"
        hint="Leave empty for no limit."
        type="number"
        min={1}
        max={100_000}
        inputMode="numeric"
        defaultValue={defaults?.maxDownloads ?? ''}
        className="sm:max-w-40"
        error={errors.maxDownloads}
      />
    </>
  );
}

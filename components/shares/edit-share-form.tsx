'use client';

import { useActionState, useState } from 'react';
import { updateShareAction } from '@/lib/actions/shares';
import { idle } from '@/lib/action-state';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { TermsFields, type ShareTerms } from '@/components/shares/create-share-form';
import { describedBy, Field, inputStyles } from '@/components/ui/field';
import { FilePicker, type PickableFile } from '@/components/shares/file-picker';

type PasswordMode = 'keep' | 'set' | 'remove';

export function EditShareForm({
  shareId,
  terms,
  hasPassword,
  files,
  selectedFileIds,
}: {
  shareId: string;
  terms: ShareTerms;
  hasPassword: boolean;
  files: PickableFile[];
  selectedFileIds: string[];
}) {
  const [state, formAction, pending] = useActionState(updateShareAction, idle);
  const [passwordMode, setPasswordMode] = useState<PasswordMode>('keep');
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const modes: { value: PasswordMode; label: string }[] = hasPassword
    ? [
        { value: 'keep', label: 'Keep the current password' },
        { value: 'set', label: 'Change the password (partners must unlock again)' },
        { value: 'remove', label: 'Remove the password' },
      ]
    : [
        { value: 'keep', label: 'No password' },
        { value: 'set', label: 'Set a password' },
      ];
  return (
    <form action={formAction} className="space-y-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200" noValidate>
      {state.status === 'error' && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="shareId" value={shareId} />
      <TermsFields errors={errors} defaults={terms} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Password</legend>
        <div className="mt-2 space-y-2">
          {modes.map((mode) => (
            <label key={mode.value} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name="passwordMode"
                value={mode.value}
                checked={passwordMode === mode.value}
                onChange={() => setPasswordMode(mode.value)}
                className="accent-brand-600"
              />
              {mode.label}
            </label>
          ))}
        </div>
      </fieldset>
      {passwordMode === 'set' && (
        <Field id="password" label="New password" hint="At least 8 characters." error={errors.password}>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            className={inputStyles}
            {...describedBy('password', 'hint', errors.password)}
          />
        </Field>
      )}
      <FilePicker files={files} defaultSelected={selectedFileIds} error={errors.fileIds} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? 'Saving…' : 'Save changes'}
      </button>
    </form>
  );
}

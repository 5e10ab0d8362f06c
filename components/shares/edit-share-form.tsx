'use client';

import { useState } from 'react';
import { updateShareAction } from '@/lib/actions/shares';
import { updateShareForm } from '@/lib/shares/input';
import { formCardStyles, PasswordField, TermsFields, type ShareTerms } from '@/components/shares/create-share-form';
import { FilePicker, type PickableFile } from '@/components/shares/file-picker';
import { FormMessage, SubmitButton, useFormAction } from '@/components/ui/form';

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
  const form = useFormAction(updateShareAction, updateShareForm);
  const [passwordMode, setPasswordMode] = useState<PasswordMode>('keep');
  const { errors } = form;
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
    <form {...form.props} className={formCardStyles}>
      <FormMessage state={form.state} />
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
      {passwordMode === 'set' && <PasswordField label="New password" error={errors.password} />}
      <FilePicker files={files} defaultSelected={selectedFileIds} error={errors.fileIds} />
      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        Save changes
      </SubmitButton>
    </form>
  );
}

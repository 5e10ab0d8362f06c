'use client';

import { buttonStyles } from '@/components/ui/button-styles';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { describedBy, inputStyles } from '@/components/ui/field';
import { SubmitButton, useFormAction } from '@/components/ui/form';
import { deleteLibraryFileAction, renameLibraryFileAction } from '@/lib/actions/library-files';
import { renameFileForm } from '@/lib/library-input';

/** Download, rename and delete for one library file. */
export function FileActions({
  fileId,
  name,
  ready,
  oldVersionDays,
}: {
  fileId: string;
  name: string;
  ready: boolean;
  oldVersionDays: number;
}) {
  const rename = useFormAction(renameLibraryFileAction, renameFileForm);
  const error = rename.state.status === 'error' ? rename.state : undefined;
  const nameError = rename.errors.name;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {ready && (
        <a href={`/admin/files/${fileId}/download`} className={buttonStyles.secondary} aria-label={`Download ${name}`}>
          Download
        </a>
      )}
      <details className="relative">
        <summary className={`${buttonStyles.secondary} cursor-pointer list-none`} aria-label={`Rename ${name}`}>
          Rename
        </summary>
        <form
          {...rename.props}
          className="absolute left-0 z-10 mt-1 flex w-72 max-w-[80vw] flex-col gap-2 rounded-md bg-white p-3 shadow-lg ring-1 ring-slate-200 sm:right-0 sm:left-auto"
        >
          <input type="hidden" name="fileId" value={fileId} />
          <label className="text-xs font-medium text-slate-700">
            New name
            <input
              id={`rename-${fileId}`}
              name="name"
              defaultValue={name}
              required
              maxLength={1000}
              className={`${inputStyles} py-1 text-sm`}
              {...describedBy(`rename-${fileId}`, undefined, nameError)}
            />
          </label>
          <SubmitButton pending={rename.pending} pendingLabel="Saving…">
            Save name
          </SubmitButton>
        </form>
      </details>
      <ConfirmAction
        action={deleteLibraryFileAction}
        fields={{ fileId }}
        label="Delete"
        accessibleLabel={`Delete ${name}`}
        question={`Delete “${name}”? Partners and admins lose it at once; where storage keeps versions, its last copy is erased ${oldVersionDays} ${oldVersionDays === 1 ? 'day' : 'days'} later. This cannot be undone.`}
        confirmLabel="Yes, delete"
      />
      {error && (
        <p id={`rename-${fileId}-error`} role="alert" className="w-full text-sm text-red-700">
          {nameError ?? error.message}
        </p>
      )}
    </div>
  );
}

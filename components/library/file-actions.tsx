'use client';

import { useActionState } from 'react';
import { buttonStyles } from '@/components/ui/button-styles';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { idle } from '@/lib/action-state';
import { deleteLibraryFileAction, renameLibraryFileAction } from '@/lib/actions/library-files';

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
  const [renameState, rename, renaming] = useActionState(renameLibraryFileAction, idle);
  const error = renameState.status === 'error' ? renameState : undefined;
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
          action={rename}
          className="absolute right-0 z-10 mt-1 flex w-72 max-w-[80vw] flex-col gap-2 rounded-md bg-white p-3 shadow-lg ring-1 ring-slate-200"
        >
          <input type="hidden" name="fileId" value={fileId} />
          <label className="text-xs font-medium text-slate-700">
            New name
            <input
              name="name"
              defaultValue={name}
              required
              maxLength={1000}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
            />
          </label>
          <button type="submit" className={buttonStyles.primary} disabled={renaming}>
            Save name
          </button>
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
        <p role="alert" className="w-full text-sm text-red-700">
          {error.fieldErrors?.name ?? error.message}
        </p>
      )}
    </div>
  );
}

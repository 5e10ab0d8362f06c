'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type ActionState, fieldErrorsFrom } from '@/lib/action-state';
import { libraryActionState, renameLibraryFile } from '@/lib/dal/library-files';
import { requestContext } from '@/lib/request-context';

const schema = z.object({
  fileId: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'Enter a name.').max(1000, 'Use at most 1,000 characters.'),
});

/** Renames a library file (its display name only; the object key never changes). */
export async function renameFileAction(_previous: ActionState<unknown>, formData: FormData): Promise<ActionState<unknown>> {
  const parsed = schema.safeParse({ fileId: formData.get('fileId'), name: formData.get('name') });
  if (!parsed.success) return { status: 'error', message: 'Check the name.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const context = await requestContext();
  const state = await libraryActionState(() => renameLibraryFile(parsed.data.fileId, parsed.data.name, context));
  revalidatePath('/admin/files');
  return state.status === 'success' ? { status: 'success', message: `Renamed to “${state.data!.name}”.` } : state;
}

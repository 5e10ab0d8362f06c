'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { deleteLibraryFile, libraryActionState } from '@/lib/dal/library-files';
import { requestContext } from '@/lib/request-context';

const schema = z.object({ fileId: z.string().min(1).max(64) });

/** Deletes a library file and its object in S3. */
export async function deleteFileAction(_previous: ActionState<unknown>, formData: FormData): Promise<ActionState<unknown>> {
  const parsed = schema.safeParse({ fileId: formData.get('fileId') });
  if (!parsed.success) return { status: 'error', message: 'This file no longer exists. Reload the page.' };
  const context = await requestContext();
  const state = await libraryActionState(() => deleteLibraryFile(parsed.data.fileId, context));
  revalidatePath('/admin/files');
  return state.status === 'success' ? { status: 'success', message: 'File deleted.' } : state;
}

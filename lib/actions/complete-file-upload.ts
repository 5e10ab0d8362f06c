'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { completeFileUpload, libraryActionState, type LibraryFileDto } from '@/lib/dal/library-files';
import { requestContext } from '@/lib/request-context';

const schema = z.object({ fileId: z.string().min(1).max(64) });

/** Finishes an upload once S3 confirms every byte; only then is the file listed as ready. */
export async function completeFileUploadAction(input: z.input<typeof schema>): Promise<ActionState<LibraryFileDto>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: 'error', message: 'This upload cannot be finished. Start it again.' };
  const context = await requestContext();
  const state = await libraryActionState(() => completeFileUpload(parsed.data.fileId, context));
  revalidatePath('/admin/files');
  return state;
}

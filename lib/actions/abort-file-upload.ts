'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { abortFileUpload, libraryActionState } from '@/lib/dal/library-files';
import { requestContext } from '@/lib/request-context';

const schema = z.object({ fileId: z.string().min(1).max(64) });

/** Cancels the caller's own upload and aborts it in S3, so no parts are left behind. */
export async function abortFileUploadAction(input: z.input<typeof schema>): Promise<ActionState<void>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: 'error', message: 'This upload no longer exists.' };
  const context = await requestContext();
  const state = await libraryActionState(() => abortFileUpload(parsed.data.fileId, context));
  revalidatePath('/admin/files');
  return state;
}

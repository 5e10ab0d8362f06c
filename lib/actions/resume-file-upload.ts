'use server';

import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { libraryActionState, resumeFileUpload, type UploadStart } from '@/lib/dal/library-files';
import { requestContext } from '@/lib/request-context';

const schema = z.object({ fileId: z.string().min(1).max(64) });

/** Picks up an unfinished upload: which parts S3 already has, so only the rest is sent. */
export async function resumeFileUploadAction(input: z.input<typeof schema>): Promise<ActionState<UploadStart>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: 'error', message: 'This upload cannot be resumed. Start it again.' };
  const context = await requestContext();
  return libraryActionState(() => resumeFileUpload(parsed.data.fileId, context));
}

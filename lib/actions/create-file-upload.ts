'use server';

import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { createFileUpload, libraryActionState, type UploadStart } from '@/lib/dal/library-files';
import { requestContext } from '@/lib/request-context';

const schema = z.object({
  name: z.string().max(4096),
  sizeBytes: z.number().int().nonnegative(),
  contentType: z.string().max(255),
});

/** Starts a library upload; the browser then sends the bytes straight to S3. */
export async function createFileUploadAction(input: z.input<typeof schema>): Promise<ActionState<UploadStart>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: 'error', message: 'The file could not be read. Choose it again.' };
  const context = await requestContext();
  return libraryActionState(() => createFileUpload(parsed.data, context));
}

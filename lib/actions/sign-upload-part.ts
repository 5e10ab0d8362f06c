'use server';

import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { libraryActionState, signUploadPart } from '@/lib/dal/library-files';
import { requestContext } from '@/lib/request-context';

const schema = z.object({ fileId: z.string().min(1).max(64), partNumber: z.number().int().min(1).max(10_000) });

/** One part URL of the caller's own upload, signed as that part starts. */
export async function signUploadPartAction(input: z.input<typeof schema>): Promise<ActionState<{ url: string }>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: 'error', message: 'That part is not part of this upload.' };
  const context = await requestContext();
  return libraryActionState(async () => ({ url: (await signUploadPart(parsed.data.fileId, parsed.data.partNumber, context)).url }));
}

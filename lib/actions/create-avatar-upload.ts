'use server';

import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { type AvatarUploadForm, createAvatarUpload } from '@/lib/dal/avatars';
import { requestContext } from '@/lib/request-context';

const inputSchema = z.object({
  contentType: z.string().max(100),
  size: z.number().int().nonnegative(),
});

/** Step 1 of a photo upload: a pre-signed POST form for the browser to send the file straight to S3. */
export async function createAvatarUploadAction(input: { contentType: string; size: number }): Promise<ActionState<AvatarUploadForm>> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { status: 'error', message: 'Choose a JPEG, PNG or WebP photo.' };
  const result = await createAvatarUpload(parsed.data, await requestContext());
  return result.ok ? { status: 'success', data: result.value } : { status: 'error', message: result.message };
}

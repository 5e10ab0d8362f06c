'use server';

import { revalidatePath } from 'next/cache';
import { type ActionState, fieldErrorsFrom } from '@/lib/action-state';
import { createShare, shareActionState, type IssuedLink } from '@/lib/dal/shares';
import { requireAdmin } from '@/lib/dal/session';
import { requestContext } from '@/lib/request-context';
import { createShareSchema, recipientsFromForm } from '@/lib/shares/input';

export type CreateShareResult = { shareId: string; links: IssuedLink[] };

/** Creates a share and returns each recipient's link, which the admin sees only this once. */
export async function createShareAction(_previous: ActionState<CreateShareResult>, formData: FormData): Promise<ActionState<CreateShareResult>> {
  await requireAdmin();
  const parsed = createShareSchema.safeParse({
    title: formData.get('title') ?? '',
    message: formData.get('message') ?? '',
    expiresAt: formData.get('expiresAt') || undefined,
    password: formData.get('password') ?? '',
    maxDownloads: formData.get('maxDownloads') ?? '',
    fileIds: formData.getAll('fileId').map(String),
    recipients: recipientsFromForm(formData),
  });
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  }
  const result = await shareActionState(async () => createShare(parsed.data, await requestContext()), 'Share created.');
  revalidatePath('/admin/shares');
  return result;
}

'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { type ActionState, fieldErrorsFrom } from '@/lib/action-state';
import { shareActionState, updateShare } from '@/lib/dal/shares';
import { requireAdmin } from '@/lib/dal/session';
import { requestContext } from '@/lib/request-context';
import { idSchema } from '@/lib/shares/ids';
import { updateShareSchema } from '@/lib/shares/input';

/** Saves a share's terms and files; links, counts and logs stay as they are. */
export async function updateShareAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  await requireAdmin();
  const shareId = idSchema.safeParse(formData.get('shareId'));
  const parsed = updateShareSchema.safeParse({
    title: formData.get('title') ?? '',
    message: formData.get('message') ?? '',
    expiresAt: formData.get('expiresAt') || undefined,
    passwordMode: formData.get('passwordMode') ?? 'keep',
    password: formData.get('password') ?? '',
    maxDownloads: formData.get('maxDownloads') ?? '',
    fileIds: formData.getAll('fileId').map(String),
  });
  if (!shareId.success) return { status: 'error', message: 'This share no longer exists.' };
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  }
  const result = await shareActionState(async () => updateShare(shareId.data, parsed.data, await requestContext()));
  if (result.status === 'error') return result;
  revalidatePath(`/admin/shares/${shareId.data}`);
  redirect(`/admin/shares/${shareId.data}`);
}

'use server';

import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/action-state';
import { revokeShare, shareActionState } from '@/lib/dal/shares';
import { requireAdmin } from '@/lib/dal/session';
import { requestContext } from '@/lib/request-context';
import { idSchema } from '@/lib/shares/ids';

/** Revokes a whole share: every recipient's link stops working at its next click. */
export async function revokeShareAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  await requireAdmin();
  const shareId = idSchema.safeParse(formData.get('shareId'));
  if (!shareId.success) return { status: 'error', message: 'This share no longer exists.' };
  const result = await shareActionState(async () => revokeShare(shareId.data, await requestContext()), 'Share revoked. Its links no longer open.');
  revalidatePath(`/admin/shares/${shareId.data}`);
  revalidatePath('/admin/shares');
  return result;
}

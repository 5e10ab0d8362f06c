'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { revokeRecipient, shareActionState } from '@/lib/dal/shares';
import { requireAdmin } from '@/lib/dal/session';
import { requestContext } from '@/lib/request-context';
import { idSchema } from '@/lib/shares/ids';

const schema = z.object({ shareId: idSchema, recipientId: idSchema });

/** Revokes one recipient's link; the share's other links keep working. */
export async function revokeShareRecipientAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  await requireAdmin();
  const parsed = schema.safeParse({ shareId: formData.get('shareId'), recipientId: formData.get('recipientId') });
  if (!parsed.success) return { status: 'error', message: 'This recipient is no longer on the share.' };
  const { shareId, recipientId } = parsed.data;
  const result = await shareActionState(async () => revokeRecipient(shareId, recipientId, await requestContext()), 'Link revoked.');
  revalidatePath(`/admin/shares/${shareId}`);
  return result;
}

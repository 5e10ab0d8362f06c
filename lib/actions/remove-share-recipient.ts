'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { removeRecipient, shareActionState } from '@/lib/dal/shares';
import { requireAdmin } from '@/lib/dal/session';
import { requestContext } from '@/lib/request-context';
import { idSchema } from '@/lib/shares/ids';

const schema = z.object({ shareId: idSchema, recipientId: idSchema });

/** Removes a recipient (and their link) from a share; the audit log keeps the history. */
export async function removeShareRecipientAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  await requireAdmin();
  const parsed = schema.safeParse({ shareId: formData.get('shareId'), recipientId: formData.get('recipientId') });
  if (!parsed.success) return { status: 'error', message: 'This recipient is no longer on the share.' };
  const { shareId, recipientId } = parsed.data;
  const result = await shareActionState(async () => removeRecipient(shareId, recipientId, await requestContext()), 'Recipient removed.');
  revalidatePath(`/admin/shares/${shareId}`);
  return result;
}

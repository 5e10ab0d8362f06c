'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type ActionState, fieldErrorsFrom } from '@/lib/action-state';
import { addRecipients, shareActionState, type IssuedLink } from '@/lib/dal/shares';
import { requireAdmin } from '@/lib/dal/session';
import { requestContext } from '@/lib/request-context';
import { idSchema } from '@/lib/shares/ids';
import { createShareSchema, recipientsFromForm } from '@/lib/shares/input';

const schema = z.object({ shareId: idSchema, recipients: createShareSchema.shape.recipients });

/** Adds recipients to a share; returns their new links, shown only this once. */
export async function addShareRecipientsAction(_previous: ActionState<IssuedLink[]>, formData: FormData): Promise<ActionState<IssuedLink[]>> {
  await requireAdmin();
  const parsed = schema.safeParse({ shareId: formData.get('shareId'), recipients: recipientsFromForm(formData) });
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  }
  const result = await shareActionState(async () => addRecipients(parsed.data.shareId, parsed.data.recipients, await requestContext()), 'Recipients added.');
  revalidatePath(`/admin/shares/${parsed.data.shareId}`);
  return result;
}

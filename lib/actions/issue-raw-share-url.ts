'use server';

import { z } from 'zod';
import { type ActionState, fieldErrorsFrom } from '@/lib/action-state';
import { issueRawUrl, shareActionState, type RawUrl } from '@/lib/dal/shares';
import { requireAdmin } from '@/lib/dal/session';
import { requestContext } from '@/lib/request-context';
import { idSchema } from '@/lib/shares/ids';

const schema = z.object({
  shareId: idSchema,
  fileId: idSchema,
  ttlSeconds: z.coerce.number().int().min(60, 'Choose how long the URL lives.'),
  acknowledged: z.literal('yes', { message: 'Confirm that you understand this URL cannot be revoked.' }),
});

/** Issues a raw pre-signed URL for one file (not revocable: the form makes the admin confirm that first). */
export async function issueRawShareUrlAction(_previous: ActionState<RawUrl>, formData: FormData): Promise<ActionState<RawUrl>> {
  await requireAdmin();
  const parsed = schema.safeParse({ shareId: formData.get('shareId'), fileId: formData.get('fileId'), ttlSeconds: formData.get('ttlSeconds'), acknowledged: formData.get('acknowledged') });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message, fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { shareId, fileId, ttlSeconds } = parsed.data;
  return shareActionState(async () => issueRawUrl(shareId, fileId, ttlSeconds, await requestContext()));
}

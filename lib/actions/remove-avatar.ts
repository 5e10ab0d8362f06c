'use server';

import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/action-state';
import { removeAvatar } from '@/lib/dal/avatars';
import { requestContext } from '@/lib/request-context';

/** "Remove photo": deletes the signed-in user's photo from S3 and the database. */
export async function removeAvatarAction(): Promise<ActionState> {
  const { removed } = await removeAvatar(await requestContext());
  revalidatePath('/', 'layout');
  return { status: 'success', message: removed ? 'Your photo was removed.' : 'You have no photo to remove.' };
}

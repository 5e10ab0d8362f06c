'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { env } from '@/lib/env';
import { unlockShareLink } from '@/lib/dal/share-access';
import { formatRelative } from '@/lib/format';
import { requestContext } from '@/lib/request-context';
import { DEAD_LINK_COPY } from '@/lib/shares/link-state';
import { UNLOCK_COOKIE } from '@/lib/shares/unlock-cookie';

const schema = z.object({ token: z.string().min(1).max(100), password: z.string().min(1, 'Enter the password.').max(200) });

/**
 * A partner types a share's password (public: no session, only the link's token). On success the
 * link's own unlock cookie is set and the page reloads with the files.
 */
export async function unlockShareAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = schema.safeParse({ token: formData.get('token'), password: formData.get('password') ?? '' });
  if (!parsed.success) return { status: 'error', message: 'Enter the password.', fieldErrors: { password: 'Enter the password.' } };
  const { token, password } = parsed.data;
  const outcome = await unlockShareLink(token, password, await requestContext());
  switch (outcome.kind) {
    case 'not-found':
      return { status: 'error', message: DEAD_LINK_COPY.notFound.body };
    case 'dead':
      return { status: 'error', message: `${DEAD_LINK_COPY[outcome.reason].title}. ${DEAD_LINK_COPY[outcome.reason].body}` };
    case 'throttled':
      return { status: 'error', message: `Too many wrong passwords. For security, try again ${formatRelative(outcome.retryAt)}.` };
    case 'wrong-password':
      return { status: 'error', message: 'That password is not right. Check it with the sender and try again.', fieldErrors: { password: 'Wrong password.' } };
    case 'unlocked':
      if (outcome.cookie) {
        (await cookies()).set(UNLOCK_COOKIE, outcome.cookie.value, {
          path: outcome.cookie.path,
          expires: outcome.cookie.expires,
          httpOnly: true,
          sameSite: 'lax',
          secure: env.APP_URL.startsWith('https://'),
        });
      }
  }
  redirect(`/s/${encodeURIComponent(token)}`);
}

'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { defineFormAction } from '@/lib/actions/builder';
import { DalError } from '@/lib/dal/errors';
import { unlockShareLink } from '@/lib/dal/share-access';
import { formatRelative } from '@/lib/format';
import { DEAD_LINK_COPY } from '@/lib/shares/link-state';
import { secureCookies } from '@/lib/secure-cookies';
import { unlockForm } from '@/lib/shares/input';
import { unlockCookieName } from '@/lib/shares/unlock-cookie';

/**
 * A partner types a share's password (public: no session, only the link's token). On success the
 * link's own unlock cookie is set and the page reloads with the files.
 */
export const unlockShareAction = defineFormAction({
  role: 'public',
  ...unlockForm,
  invalid: 'Enter the password.',
  run: async ({ token, password }, { request }) => {
    const result = await unlockShareLink(token, password, request);
    switch (result.outcome) {
      case 'not-found':
        throw new DalError(DEAD_LINK_COPY.notFound.body);
      case 'dead':
        throw new DalError(`${DEAD_LINK_COPY[result.reason].title}. ${DEAD_LINK_COPY[result.reason].body}`);
      case 'throttled':
        throw new DalError(`Too many wrong passwords. For security, try again ${formatRelative(result.retryAt)}.`);
      case 'wrong-password':
        throw new DalError('That password is not right. Check it with the sender and try again.', 'password');
      case 'unlocked':
        if (result.cookie) {
          (await cookies()).set(unlockCookieName(secureCookies()), result.cookie.value, {
            path: result.cookie.path,
            expires: result.cookie.expires,
            httpOnly: true,
            sameSite: 'lax',
            secure: secureCookies(),
          });
        }
    }
    redirect(`/s/${encodeURIComponent(token)}`);
  },
});

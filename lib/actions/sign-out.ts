'use server';

import { signOut } from '@/lib/auth';
import { signOutThisSession } from '@/lib/dal/profile';
import { requestContext } from '@/lib/request-context';

/** Ends the caller's session on the server too (a copied cookie stops working), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOutThisSession(await requestContext());
  await signOut({ redirectTo: '/login' });
}

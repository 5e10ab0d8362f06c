'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth';
import { type ActionState, fieldErrorsFrom } from '@/lib/action-state';
import { credentialsSchema } from '@/lib/dal/credentials';
import { loginThrottle } from '@/lib/dal/login-attempts';
import { formatRelative } from '@/lib/format';
import { requestContext } from '@/lib/request-context';

const WRONG_CREDENTIALS = 'Wrong email or password. Check both and try again.';

function throttledMessage(retryAt: Date): string {
  return `Too many failed sign-ins. For your security, try again ${formatRelative(retryAt)}.`;
}

/** Only same-site paths: an absolute URL here would be an open redirect. */
function safeCallbackPath(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = credentialsSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  }
  const { ip } = await requestContext();
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'throttled') {
      const verdict = await loginThrottle(parsed.data.email, ip);
      return { status: 'error', message: throttledMessage(verdict.blocked ? verdict.retryAt : new Date(Date.now() + 60_000)) };
    }
    if (error instanceof AuthError) {
      return { status: 'error', message: error.type === 'CredentialsSignin' ? WRONG_CREDENTIALS : 'Sign-in failed. Try again in a moment.' };
    }
    throw error;
  }
  redirect(safeCallbackPath(formData.get('callbackUrl')));
}

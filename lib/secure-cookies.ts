import 'server-only';
import { env } from '@/lib/env';

/**
 * Whether cookies are Secure and carry the `__Secure-`/`__Host-` prefixes. Decided by APP_URL, the
 * address users reach, and not by what a proxy forwards: behind a TLS proxy that sends no
 * X-Forwarded-Proto the request looks like plain http, yet the browser is on https.
 */
export function secureCookies(): boolean {
  return new URL(env.APP_URL).protocol === 'https:';
}

import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { env } from '@/lib/env';
import { safeReturnPath } from '@/lib/return-path';

const CALLBACK_COOKIE = /^((?:__Secure-)?authjs\.callback-url)=(.*)$/;
const safeCallbackUrl = (value: string | null) => `${env.APP_URL}${safeReturnPath(value, env.APP_URL)}`;

/** The cookie header with Auth.js's callback-url cookie reduced to a path on this origin. */
function withSafeCallbackCookie(cookie: string): string {
  return cookie
    .split(/;\s*/)
    .map((entry) => {
      const match = CALLBACK_COOKIE.exec(entry);
      if (!match) return entry;
      let value: string | null;
      try {
        value = decodeURIComponent(match[2]);
      } catch {
        value = null;
      }
      return `${match[1]}=${encodeURIComponent(safeCallbackUrl(value))}`;
    })
    .join('; ');
}

/**
 * The request as Auth.js gets it:
 * - At APP_URL. Auth.js builds its own addresses from the request's URL: the OpenID redirect_uri
 *   (which must be the one registered at the provider, in both legs of the flow) and where an error
 *   lands. Next reports an app on 127.0.0.1 as `localhost`, another origin to the browser (which then
 *   blocks the redirect after a form) and to the provider. (A plain Request: a NextRequest would
 *   rename the host again. next-auth only reads its url, method, headers and body.)
 * - With every callbackUrl, in the query or in its callback-url cookie, reduced to what the app would
 *   follow anyway (lib/return-path.ts): Auth.js takes one it cannot read as an http(s) URL for a
 *   configuration error and answers a bare 500.
 */
async function forAuthJs(request: NextRequest): Promise<NextRequest> {
  const url = new URL(`${env.APP_URL}${request.nextUrl.pathname}${request.nextUrl.search}`);
  const asked = url.searchParams.get('callbackUrl');
  if (asked !== null) url.searchParams.set('callbackUrl', safeCallbackUrl(asked));
  const headers = new Headers(request.headers);
  const cookie = headers.get('cookie');
  if (cookie?.includes('authjs.callback-url=')) headers.set('cookie', withSafeCallbackCookie(cookie));
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(url, { method: request.method, headers, body }) as NextRequest;
}

export const GET = async (request: NextRequest) => handlers.GET(await forAuthJs(request));
export const POST = async (request: NextRequest) => handlers.POST(await forAuthJs(request));

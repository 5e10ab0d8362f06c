import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { env } from '@/lib/env';
import { safeReturnPath } from '@/lib/return-path';

const CALLBACK_COOKIE = /^((?:__Secure-)?authjs\.callback-url)=(.*)$/;

/**
 * Auth.js takes a callbackUrl it cannot read as an http(s) URL, from the query or from its
 * callback-url cookie, for a configuration error and answers a bare 500. Both reach it already
 * reduced to what the app would follow anyway: a path on this origin (lib/return-path.ts).
 */
function withSafeCallbackUrls(request: NextRequest): NextRequest {
  const safe = (value: string | null) => `${env.APP_URL}${safeReturnPath(value, env.APP_URL)}`;
  const url = new URL(request.nextUrl);
  const asked = url.searchParams.get('callbackUrl');
  if (asked !== null) url.searchParams.set('callbackUrl', safe(asked));
  const headers = new Headers(request.headers);
  const cookie = headers.get('cookie');
  if (cookie && /authjs\.callback-url=/.test(cookie)) {
    const entries = cookie.split(/;\s*/).map((entry) => {
      const match = CALLBACK_COOKIE.exec(entry);
      if (!match) return entry;
      let value: string | null;
      try {
        value = decodeURIComponent(match[2]);
      } catch {
        value = null;
      }
      return `${match[1]}=${encodeURIComponent(safe(value))}`;
    });
    headers.set('cookie', entries.join('; '));
  }
  // duplex: a POST's body is passed on as a stream (Node's fetch requires saying so).
  return new NextRequest(url, { method: request.method, headers, body: request.body, duplex: 'half' } as {
    method: string;
    headers: Headers;
    body: ReadableStream | null;
  });
}

export const GET = (request: NextRequest) => handlers.GET(withSafeCallbackUrls(request));
export const POST = (request: NextRequest) => handlers.POST(withSafeCallbackUrls(request));

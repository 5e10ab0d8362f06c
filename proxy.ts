import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { messagePageResponse } from '@/lib/message-page';
import { malformedRequestReason } from '@/lib/request-guard';
import { securityHeaders } from '@/lib/security-headers';
import { s3Origins } from '@/lib/storage/origins';

// The cookie-presence redirect below is a shortcut for signed-out visitors, not a security check:
// every page, action and route handler checks the session itself (lib/dal/session.ts).
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const SIGNED_IN_AREAS = /^\/(?:$|profile(?:\/|$)|invoices$|admin(?:\/|$))/;

/**
 * Every page and route gets this request's Content-Security-Policy nonce (Next reads it from the
 * request's CSP header and puts it on its own scripts) and the security headers of
 * lib/security-headers.ts; an address no page can mean gets 400 (lib/request-guard.ts); signed-out
 * visitors of the signed-in areas go to /login.
 */
export async function proxy(request: NextRequest) {
  const nonce = randomBytes(16).toString('base64');
  const headers = securityHeaders({
    nonce,
    appUrl: env.APP_URL,
    s3Origins: await s3Origins(),
    development: process.env.NODE_ENV === 'development',
  });
  const { pathname, search } = request.nextUrl;
  const malformed = malformedRequestReason(request.nextUrl);
  let response: NextResponse;
  if (malformed) {
    const page = messagePageResponse('Bad address', `${malformed} Check the link you followed.`, 400);
    response = new NextResponse(page.body, { status: page.status, headers: page.headers });
  } else if (SIGNED_IN_AREAS.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set('content-security-policy', headers['Content-Security-Policy']);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's static assets and the icon: those carry no script and no data.
  matcher: ['/((?!_next/static|_next/image|favicon.svg).*)'],
};

import { NextResponse, type NextRequest } from 'next/server';

// Only a fast, cookie-presence redirect for signed-out visitors. It is not a security check: every
// page, action and route handler checks the session itself (lib/dal/session.ts).
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL('/login', request.url);
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (path !== '/') login.searchParams.set('callbackUrl', path);
  return NextResponse.redirect(login);
}

export const config = {
  // Signed-in areas only: /login, /api, share links and static files stay reachable.
  matcher: ['/', '/profile/:path*', '/invoices', '/admin/:path*'],
};

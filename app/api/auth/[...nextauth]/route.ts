import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { env } from '@/lib/env';

/**
 * Auth.js builds its own addresses from the request's URL: the OpenID redirect_uri (which must be
 * the one registered at the provider, in both legs of the flow) and where an error lands. Next
 * reports an app on 127.0.0.1 as `localhost`, another origin to the browser (which then blocks the
 * redirect after a form) and to the provider. So Auth.js gets the request as it was made, at APP_URL.
 * (A plain Request: a NextRequest would rename the host again. next-auth only reads its url,
 * method, headers and body.)
 */
async function atAppUrl(request: NextRequest): Promise<NextRequest> {
  const { pathname, search } = request.nextUrl;
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(`${env.APP_URL}${pathname}${search}`, {
    method: request.method,
    headers: request.headers,
    body,
  }) as NextRequest;
}

export const GET = async (request: NextRequest) => handlers.GET(await atAppUrl(request));
export const POST = async (request: NextRequest) => handlers.POST(await atAppUrl(request));

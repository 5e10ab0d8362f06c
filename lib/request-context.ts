import 'server-only';
import { headers } from 'next/headers';

export interface RequestContext {
  ip: string;
  userAgent: string;
}

/**
 * The client's address as the nearest hop saw it: the last X-Forwarded-For entry, which a load
 * balancer appends (or Next sets from the socket when no proxy is in front).
 */
export function clientIp(forwardedFor: string | null): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return (hops.at(-1) ?? 'unknown').slice(0, 64);
}

export function contextFromHeaders(h: Headers): RequestContext {
  return { ip: clientIp(h.get('x-forwarded-for')), userAgent: (h.get('user-agent') ?? '').slice(0, 512) };
}

/** For server actions and server components, which have no Request object. */
export async function requestContext(): Promise<RequestContext> {
  return contextFromHeaders(await headers());
}

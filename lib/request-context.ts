import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { PEER_ADDRESS_HEADER } from '@/lib/peer-address';

export interface RequestContext {
  ip: string;
  userAgent: string;
}

/** IPv4 peers of a dual-stack socket read as ::ffff:192.0.2.1; the same client either way. */
function normalizeAddress(address: string): string {
  return address
    .trim()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
    .slice(0, 64);
}

/**
 * The client's address, from what can be trusted (TRUSTED_PROXY_HOPS, README "Behind a proxy"):
 * with 0 hops the socket's peer; with N trusted proxies in front, the Nth X-Forwarded-For entry
 * from the right, the one the outermost trusted proxy appended. Entries further left are whatever
 * the client sent. A request that did not pass through all N proxies (too few entries) came in
 * around them: its peer address is the truth.
 */
export function clientIp(h: Headers, trustedProxyHops: number): string {
  const peer = h.get(PEER_ADDRESS_HEADER);
  const hops = (h.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = trustedProxyHops > 0 && hops.length >= trustedProxyHops ? hops.at(-trustedProxyHops) : peer;
  return address ? normalizeAddress(address) : 'unknown';
}

export function contextFromHeaders(h: Headers): RequestContext {
  return { ip: clientIp(h, env.TRUSTED_PROXY_HOPS), userAgent: (h.get('user-agent') ?? '').slice(0, 512) };
}

/** For server actions and server components, which have no Request object. */
export async function requestContext(): Promise<RequestContext> {
  return contextFromHeaders(await headers());
}

import { describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER } from '@/lib/peer-address';
import { clientIp } from '@/lib/request-context';

const request = (peer: string | null, forwardedFor?: string) =>
  new Headers({
    ...(peer ? { [PEER_ADDRESS_HEADER]: peer } : {}),
    ...(forwardedFor !== undefined ? { 'x-forwarded-for': forwardedFor } : {}),
  });

describe('clientIp', () => {
  it('with no proxy (0 hops) takes the socket peer and ignores an X-Forwarded-For the client wrote', () => {
    expect(clientIp(request('198.51.100.7', '203.0.113.9'), 0)).toBe('198.51.100.7');
    expect(clientIp(request('198.51.100.7', '10.0.0.1, 203.0.113.9'), 0)).toBe('198.51.100.7');
    expect(clientIp(request('198.51.100.7'), 0)).toBe('198.51.100.7');
  });

  it('reads an IPv4 peer of a dual-stack socket as plain IPv4', () => {
    expect(clientIp(request('::ffff:127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(clientIp(request('2001:db8::1'), 0)).toBe('2001:db8::1');
  });

  it('behind N trusted proxies takes the Nth entry from the right', () => {
    // One load balancer: it appended the address it saw; what the client sent is further left.
    expect(clientIp(request('10.0.0.2', 'forged, 198.51.100.7'), 1)).toBe('198.51.100.7');
    // A CDN in front of the load balancer: the CDN appended the client, the load balancer the CDN.
    expect(clientIp(request('10.0.0.2', 'forged, 198.51.100.7, 192.0.2.50'), 2)).toBe('198.51.100.7');
  });

  it('takes the peer when a request has fewer entries than trusted proxies (it came in around them)', () => {
    expect(clientIp(request('198.51.100.7', '203.0.113.9'), 2)).toBe('198.51.100.7');
    expect(clientIp(request('198.51.100.7'), 1)).toBe('198.51.100.7');
  });

  it('says unknown when nothing tells', () => {
    expect(clientIp(request(null), 0)).toBe('unknown');
    expect(clientIp(request(null, ' , '), 1)).toBe('unknown');
  });

  it('bounds what it keeps', () => {
    expect(clientIp(request('10.0.0.2', `${'9'.repeat(500)}`), 1)).toHaveLength(64);
  });
});

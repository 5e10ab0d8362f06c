import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The address of whoever opened the TCP connection, as a request header the app can read where it
 * has only headers (route handlers, server actions, Auth.js's authorize). Next passes no socket to
 * app code, and the X-Forwarded-For it sets from the socket is only a default (`??=`): a client that
 * sends its own keeps it. So every request the server accepts gets this header from the socket,
 * replacing any a client sent, through Node's own `http.server.request.start` channel, which runs
 * before Next sees the request.
 */
export const PEER_ADDRESS_HEADER = 'x-guestpass-peer-address';

function stampPeerAddress(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  if (socket.remoteAddress) request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress;
  else delete request.headers[PEER_ADDRESS_HEADER];
}

let subscribed = false;

/** Called once when the server starts (instrumentation.ts). */
export function stampPeerAddresses(): void {
  if (subscribed) return;
  subscribe('http.server.request.start', stampPeerAddress);
  subscribed = true;
}

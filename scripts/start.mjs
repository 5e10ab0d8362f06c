// npm start: runs the standalone server that npm run build made. It listens on PORT and HOSTNAME;
// when they are unset and APP_URL is plain http (the app served directly, no TLS proxy), on
// APP_URL's own port and host; otherwise on 127.0.0.1:3000, for a proxy on the same machine. Set
// HOSTNAME=0.0.0.0 when a load balancer on another machine forwards to this instance. Idle
// keep-alive connections stay open KEEP_ALIVE_TIMEOUT ms (Next reads it).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where to listen: explicit settings first, then a plain-http APP_URL, then the loopback default. */
export function listenAddress(variables) {
  let fromAppUrl = {};
  try {
    const url = new URL(variables.APP_URL ?? '');
    if (url.protocol === 'http:')
      fromAppUrl = { port: url.port || '80', hostname: url.hostname.replace(/^\[|\]$/g, '') };
  } catch {
    // No or no valid APP_URL: the server's own validation at boot names it.
  }
  return {
    port: variables.PORT || fromAppUrl.port || '3000',
    hostname: variables.HOSTNAME || fromAppUrl.hostname || '127.0.0.1',
  };
}

/**
 * Longer than a load balancer's idle timeout (AWS ALB and nginx: 60 s), so that the proxy, never the
 * server, closes an idle connection: Node's own 5 s lets the server hang up just as the proxy sends
 * the next request on it, which fails (a 502, or ECONNRESET for a client that keeps connections).
 */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** How long the server keeps an idle connection open, in ms (as text, for Next's KEEP_ALIVE_TIMEOUT). */
export function keepAliveTimeout(variables) {
  return variables.KEEP_ALIVE_TIMEOUT || String(DEFAULT_KEEP_ALIVE_TIMEOUT_MS);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = path.resolve(process.env.NEXT_DIST_DIR || '.next', 'standalone', 'server.js');
  if (!fs.existsSync(server)) {
    console.error(`${path.relative('.', server)} is missing: run npm run build first.`);
    process.exit(1);
  }
  const { port, hostname } = listenAddress(process.env);
  Object.assign(process.env, {
    PORT: port,
    HOSTNAME: hostname,
    KEEP_ALIVE_TIMEOUT: keepAliveTimeout(process.env),
    NODE_ENV: 'production',
  });
  await import(pathToFileURL(server).href);
}

import fs from 'node:fs';
import path from 'node:path';

/** Where the fresh app server's output goes, so that a test can read what it printed (the setup link). */
export const FRESH_SERVER_LOG = path.resolve('.test-results/fresh-server.log');

/** Waits for the fresh server to print its one-time setup link, and returns it. */
export async function setupLinkFromLog(timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = fs.existsSync(FRESH_SERVER_LOG) ? fs.readFileSync(FRESH_SERVER_LOG, 'utf8') : '';
    const link = /Setup: (\S+)/.exec(log)?.[1];
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no setup link in ${FRESH_SERVER_LOG} after ${timeoutMs} ms:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

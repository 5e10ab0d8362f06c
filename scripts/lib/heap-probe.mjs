// Loaded only into the soak's app servers (NODE_OPTIONS="--expose-gc --import …"). On SIGUSR2 it
// collects garbage and appends the memory still in use to HEAP_PROBE_FILE, so the soak can tell
// memory the app keeps from garbage V8 has not collected yet, which RSS alone cannot.
import fs from 'node:fs';

process.on('SIGUSR2', () => {
  globalThis.gc();
  const { rss, heapUsed, external } = process.memoryUsage();
  fs.appendFileSync(process.env.HEAP_PROBE_FILE, `${JSON.stringify({ rss, heapUsed, external })}\n`);
});

// npm run worker: runs the job worker (mail delivery, scheduled storage cleanup) on its own, for a
// deployment that keeps it apart from the web servers; `npm start` runs one in every app process too.
// SIGTERM or Ctrl-C lets a running job finish before the process exits.
import { loadEnv } from '@/lib/env';
import { startWorker } from '@/lib/jobs/worker';

loadEnv('worker');

const worker = await startWorker();
console.info('[jobs] worker started');
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  console.info('[jobs] worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

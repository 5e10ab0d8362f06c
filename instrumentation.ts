// Next calls register() once per server process, before it serves a request: the place to start
// the job worker (mail delivery, scheduled storage cleanup) next to the app. Node runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWorker } = await import('@/lib/jobs/worker');
  const worker = await startWorker();
  // Next's own SIGTERM/SIGINT handlers drain requests and then exit the process, which would cut a
  // mail off mid-send. Take them over: stop the worker first (a running job finishes), then run them.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const nextHandlers = process.listeners(signal);
    process.removeAllListeners(signal);
    process.once(signal, async () => {
      await worker.stop().catch((error) => console.error('[jobs] stop failed:', error));
      if (nextHandlers.length === 0) process.exit(0);
      for (const handler of nextHandlers) handler(signal);
    });
  }
}

// Next calls register() once per server process, before it serves a request: the place to start
// the job worker (mail delivery, scheduled storage cleanup) next to the app. Node runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWorkerInApp } = await import('@/lib/jobs/worker');
  await startWorkerInApp();
}

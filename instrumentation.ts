// Next calls register() once per server process, before it serves a request: the place to start
// the job worker (mail delivery, scheduled storage cleanup) next to the app. Node runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWorkerInApp } = await import('@/lib/jobs/worker');
  await startWorkerInApp();
  // While the database has no admin: a one-time /setup link in the log.
  const { announceSetupLink } = await import('@/lib/accounts/setup-announcement');
  await announceSetupLink();
}

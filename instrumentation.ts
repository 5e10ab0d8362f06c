// Next calls register() once per server process, before it serves a request. Node runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // A bad or missing variable stops the server here, naming each one, instead of 500s on every page.
  (await import('@/lib/env')).loadEnv('server');
  // Every request learns its peer address (TRUSTED_PROXY_HOPS) before any handler reads it.
  const { stampPeerAddresses } = await import('@/lib/peer-address');
  stampPeerAddresses();
  // The job worker (mail delivery, scheduled storage cleanup) runs next to the app.
  const { startWorkerInApp } = await import('@/lib/jobs/worker');
  await startWorkerInApp();
  // While the database has no admin: a one-time /setup link in the log.
  const { announceSetupLink } = await import('@/lib/accounts/setup-announcement');
  await announceSetupLink();
}

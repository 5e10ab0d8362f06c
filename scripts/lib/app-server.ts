// The production build started as one more app server (the standalone server, as `npm start` runs
// it), for the tests and the soak that need servers of their own: the fault specs (services behind
// proxies) and the soak (two instances). scripts/standalone-assets.mjs must have run after the build.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './util.mjs';

export interface AppServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the server on 127.0.0.1 (APP_URL set to it; a free port unless given) and waits until /api/health answers 200. */
export async function startAppServer(
  env: NodeJS.ProcessEnv,
  options: { port?: number; quiet?: boolean } = {},
): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...env, APP_URL: url },
    stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  for (let attempt = 0; ; attempt++) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { url, process: child, stop };
    if (child.exitCode !== null || attempt > 600) {
      await stop();
      throw new Error(`the app server on ${url} did not become healthy`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

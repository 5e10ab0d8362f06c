// The deployment under test, shared by the setup (which builds it) and the spec (which drives it):
// a production install in its own directory, run only through the commands docs/deploy.md names.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Deployment {
  /** The production install (a copy of the checkout, `npm ci --omit=dev`, `npm run build`). */
  dir: string;
  /** What the app instances run with. */
  appEnv: Record<string, string>;
  /** What an operator's bucket tasks run with: storage settings and credentials, nothing else. */
  operatorEnv: Record<string, string>;
  /** Instance A listens where APP_URL says; instance B on PORT and HOSTNAME. */
  urls: [string, string];
  /** The one-time link `users:create` printed for the first admin. */
  adminLink: string;
  adminEmail: string;
  /** The web inbox of the SMTP server the instances send through (SMTP_URL). */
  inboxUrl: string;
}

export const DEPLOYMENT_VARIABLE = 'GUESTPASS_DEPLOYMENT';

export function deployment(): Deployment {
  const json = process.env[DEPLOYMENT_VARIABLE];
  if (!json) throw new Error('run through `npm test -- deploy` (tests/deploy/setup.ts builds the deployment)');
  return JSON.parse(json) as Deployment;
}

/** The variables every command needs from the machine itself, not from the deployment. */
export function machineEnv(): Record<string, string> {
  const { PATH = '/usr/bin:/bin', HOME = '/tmp', LANG = 'C.UTF-8' } = process.env;
  return { PATH, HOME, LANG, NEXT_TELEMETRY_DISABLED: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
}

/** Runs `npm run <script> [-- args]` in the deployment, with exactly `env`; resolves with its exit code and output. */
export function npmRun(
  dir: string,
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
      cwd: dir,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** `npm start` in its own process group, so that stopping it stops the server it runs. */
export function startInstance(dir: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

export function stopInstance(child: ChildProcess): void {
  if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
}

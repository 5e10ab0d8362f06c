// Playwright's second web server (playwright.config.ts): the production build on a database of its
// own, freshly migrated and never seeded, as a new deployment starts. Same S3 bucket and inbox as the
// seeded server. Its output also goes to FRESH_SERVER_LOG, where the tests find the setup link.
// With E2E_SSO_ISSUER, an OpenID provider runs here too and the app signs in through it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ssoAppEnv, startOidcProvider } from '../../helpers/oidc-provider';
import { FRESH_SERVER_LOG } from './server-log';

const appUrl = new URL(process.env.E2E_FRESH_APP_URL!);
const seeded = new URL(process.env.DATABASE_URL!);
const name = `guestpass_fresh_${randomBytes(4).toString('hex')}`;

const admin = new pg.Client({ connectionString: seeded.toString() });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const fresh = new URL(seeded);
fresh.pathname = `/${name}`;
const ssoIssuer = process.env.E2E_SSO_ISSUER;
const env = {
  ...process.env,
  DATABASE_URL: fresh.toString(),
  APP_URL: appUrl.origin,
  HOSTNAME: appUrl.hostname,
  PORT: appUrl.port,
  ...(ssoIssuer ? ssoAppEnv(ssoIssuer) : {}),
};
const identityProvider = ssoIssuer ? await startOidcProvider(ssoIssuer, appUrl.origin) : null;

const migrate = spawn(process.execPath, ['scripts/migrate.mjs', 'deploy'], { env, stdio: 'inherit' });
if ((await new Promise((resolve) => migrate.on('exit', resolve))) !== 0) process.exit(1);

fs.mkdirSync(path.dirname(FRESH_SERVER_LOG), { recursive: true });
const log = fs.createWriteStream(FRESH_SERVER_LOG);
// The standalone server (npm start), on APP_URL's host and port.
const next = spawn(process.execPath, ['scripts/start.mjs'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
for (const stream of [next.stdout, next.stderr]) {
  stream.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => next.kill(signal));
next.on('exit', async (code) => {
  log.end();
  await identityProvider?.stop();
  process.exit(code ?? 0);
});

// Playwright global setup of the deploy test: from an empty database and no bucket to two running
// instances, through the commands of docs/deploy.md, run in a production install (a copy of this
// checkout installed with `npm ci --omit=dev`). PostgreSQL and radosgw are fresh; nothing of the
// development tree is used at run time.
import { execSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../scripts/lib/postgres.mjs';
import { startMailInbox } from '../../scripts/lib/mail-inbox';
import { startRadosgw } from '../../scripts/lib/s3-local.mjs';
import { freePort, log } from '../../scripts/lib/util.mjs';
import { DEPLOYMENT_VARIABLE, machineEnv, npmRun, startInstance, stopInstance, type Deployment } from './deployment';

/** Runs a documented step; a failing one stops the setup with its output. */
async function step(title: string, dir: string, script: string, args: string[], env: Record<string, string>) {
  const t0 = performance.now();
  const { code, output } = await npmRun(dir, script, args, env);
  log('deploy', `${title}: exit ${code} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) throw new Error(`${title} (npm run ${script} ${args.join(' ')}) failed:\n${output.slice(-4000)}`);
  return output;
}

/** Waits for the readiness check (`/api/health?strict=1`) to answer 200, or for the instance to die. */
async function waitReady(url: string, instance: ReturnType<typeof startInstance>) {
  for (let i = 0; i < 240; i++) {
    if (instance.child.exitCode !== null)
      throw new Error(`the instance at ${url} exited (${instance.child.exitCode}):\n${instance.output()}`);
    const status = await fetch(`${url}/api/health?strict=1`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const health = await fetch(`${url}/api/health`).then((r) => r.text(), String);
  throw new Error(`the instance at ${url} is not ready after 60 s: ${health}\n${instance.output()}`);
}

export default async function setup() {
  const stops: (() => Promise<unknown> | void)[] = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch((e) => log('deploy', 'stop failed:', e));
  };
  try {
    // 1. Install and build, as on a production host.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guestpass-deploy-'));
    stops.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    execSync(`git ls-files -co --exclude-standard -z | xargs -0 tar -cf - | tar -xf - -C ${dir}`, { stdio: 'inherit' });
    let t0 = performance.now();
    const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: dir,
      env: { ...machineEnv(), NODE_ENV: 'production' },
      encoding: 'utf8',
    });
    if (install.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.stderr.slice(-4000)}`);
    log('deploy', `npm ci --omit=dev in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
    await step('npm run build', dir, 'build', [], { ...machineEnv(), NODE_ENV: 'production' });

    // 2. A fresh PostgreSQL, a fresh radosgw without a bucket and an SMTP server (maildev, whose
    // inbox the spec reads): the "managed" services.
    const pg = await startEmbeddedPostgres({ fresh: true });
    stops.push(() => pg.stop());
    const smtp = await startMailInbox('test');
    stops.push(() => smtp.stop());
    const rgw = await startRadosgw({
      directory: fs.mkdtempSync(path.join(os.tmpdir(), 'guestpass-deploy-rgw-')),
      port: await freePort(),
      monPort: await freePort(),
    });
    stops.push(() => rgw.stop());

    const urls: [string, string] = [`http://127.0.0.1:${await freePort()}`, `http://127.0.0.1:${await freePort()}`];
    const storage = {
      S3_BUCKET: `guestpass-deploy-${crypto.randomBytes(3).toString('hex')}`,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: rgw.endpoint,
      AWS_ACCESS_KEY_ID: rgw.accessKeyId,
      AWS_SECRET_ACCESS_KEY: rgw.secretAccessKey,
      APP_URL: urls[0],
      // Instance B is reached on its own origin (no proxy in front), so the bucket's CORS rule names it too.
      S3_CORS_ORIGINS: urls[1],
    };
    const operatorEnv = { ...machineEnv(), ...storage };
    const appEnv = {
      ...machineEnv(),
      ...storage,
      NODE_ENV: 'production',
      DATABASE_URL: pg.url,
      AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      SMTP_URL: smtp.smtpUrl,
    };

    // 3. The documented steps: bucket, hardening, audit, migrations, first admin.
    await step('s3:harden --create', dir, 's3:harden', ['--create'], operatorEnv);
    await step('s3:audit', dir, 's3:audit', [], operatorEnv);
    await step('db:migrate', dir, 'db:migrate', [], { ...machineEnv(), DATABASE_URL: pg.url });
    const adminEmail = 'first.admin@deploy.example';
    const created = await step(
      'users:create',
      dir,
      'users:create',
      ['--email', adminEmail, '--name', 'First Admin', '--role', 'admin'],
      appEnv,
    );
    const adminLink = created.match(new RegExp(`${urls[0]}/\\S+`))?.[0];
    if (!adminLink) throw new Error(`users:create printed no link:\n${created}`);

    // 4. Two instances: A on APP_URL's port and host, B on PORT and HOSTNAME.
    const instances = [
      startInstance(dir, appEnv),
      startInstance(dir, { ...appEnv, PORT: new URL(urls[1]).port, HOSTNAME: '127.0.0.1' }),
    ];
    for (const instance of instances) stops.push(() => stopInstance(instance.child));
    await Promise.all(urls.map((url, i) => waitReady(url, instances[i])));
    log('deploy', `two instances ready: ${urls.join(', ')}`);

    const deployment: Deployment = { dir, appEnv, operatorEnv, urls, adminLink, adminEmail, inboxUrl: smtp.webUrl };
    process.env[DEPLOYMENT_VARIABLE] = JSON.stringify(deployment);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

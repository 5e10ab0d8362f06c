// Brings up what the app needs for development (`npm run dev`) and tests (`npm test`): PostgreSQL,
// an S3 endpoint with its bucket, migrations, and the seed. Anything given by environment variables
// (DATABASE_URL, S3_ENDPOINT) is used as it is instead.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corsRules } from '../../lib/storage/cors';
import { storeKindOf, type StoreKind } from '../../lib/storage/security/store';
import { startMailInbox } from './mail-inbox';
import { startEmbeddedPostgres } from './postgres.mjs';
import { radosgwInstalled, startEmulator, startRadosgw } from './s3-local.mjs';
import { freePort, log, mustRun } from './util.mjs';

type LocalStoreKind = Extract<StoreKind, 'radosgw' | 'emulator'>;

export interface Services {
  env: NodeJS.ProcessEnv;
  storeKind: StoreKind;
  /** The local inbox's web address, unless SMTP_URL was given. */
  mailInboxUrl?: string;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  mode: 'dev' | 'test';
  appUrl: string;
  /** Fail instead of falling back to the emulator when radosgw is not available (CI). */
  requireRgw?: boolean;
  /** Use the in-process emulator even where radosgw is installed (as S3_LOCAL=emulator does). */
  emulator?: boolean;
  /** Other app origins that call the bucket from a browser (a second app server in the tests). */
  extraOrigins?: string[];
}

function corsXml(origins: string[]): string {
  const rules = corsRules(origins)
    .map((rule) => {
      const tags = [
        ...(rule.AllowedOrigins ?? []).map((v) => `<AllowedOrigin>${v}</AllowedOrigin>`),
        ...(rule.AllowedMethods ?? []).map((v) => `<AllowedMethod>${v}</AllowedMethod>`),
        ...(rule.AllowedHeaders ?? []).map((v) => `<AllowedHeader>${v}</AllowedHeader>`),
        ...(rule.ExposeHeaders ?? []).map((v) => `<ExposeHeader>${v}</ExposeHeader>`),
        rule.MaxAgeSeconds ? `<MaxAgeSeconds>${rule.MaxAgeSeconds}</MaxAgeSeconds>` : '',
      ];
      return `<CORSRule>${tags.join('')}</CORSRule>`;
    })
    .join('');
  return `<CORSConfiguration>${rules}</CORSConfiguration>`;
}

/** The development AUTH_SECRET: generated once and kept in .data/, so sessions survive restarts. */
function devAuthSecret(): string {
  const file = path.resolve('.data/auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * radosgw wherever it is installed (it enforces what the emulator cannot, and CI runs it), unless
 * S3_LOCAL=emulator (or the option) asks for the emulator; S3_LOCAL=rgw or CI insist on radosgw.
 */
function localStoreKind(options: ServiceOptions): LocalStoreKind {
  const forceEmulator = options.emulator || process.env.S3_LOCAL === 'emulator';
  const insistRgw = !options.emulator && (options.requireRgw || process.env.S3_LOCAL === 'rgw');
  if (insistRgw && !radosgwInstalled())
    throw new Error(
      'S3_LOCAL=rgw (or CI) asks for Ceph radosgw, but it is not installed: apt-get install ceph-mon ceph-osd radosgw ceph-common',
    );
  return insistRgw || (!forceEmulator && radosgwInstalled()) ? 'radosgw' : 'emulator';
}

async function startStore(options: ServiceOptions, bucket: string, kind: LocalStoreKind) {
  const origins = [
    options.appUrl,
    ...(options.appUrl.includes('127.0.0.1') ? [options.appUrl.replace('127.0.0.1', 'localhost')] : []),
    ...(options.extraOrigins ?? []),
  ];
  if (kind === 'radosgw') {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'guestpass-rgw-'));
    // A fixed S3 port in development (stable URLs), free ones in tests so that suites run side by
    // side; the monitor's port is internal, so always a free one (two dev servers can coexist).
    const port = Number(process.env.RGW_PORT) || (options.mode === 'dev' ? 7480 : await freePort());
    const monPort = Number(process.env.RGW_MON_PORT) || (await freePort());
    return { store: await startRadosgw({ directory, port, monPort }), origins };
  }
  const directory =
    options.mode === 'dev' ? path.resolve('.data/s3') : fs.mkdtempSync(path.join(os.tmpdir(), 'guestpass-s3-'));
  const port = options.mode === 'dev' ? Number(process.env.S3_LOCAL_PORT) || 9000 : await freePort();
  const emulator = await startEmulator({ directory, port, bucket, corsXml: corsXml(origins) });
  if (options.mode === 'test') {
    // A test run's objects are throw-away, like its database.
    const close = emulator.stop;
    emulator.stop = async () => {
      await close();
      fs.rmSync(directory, { recursive: true, force: true });
    };
  }
  return { store: emulator, origins };
}

export async function startServices(options: ServiceOptions): Promise<Services> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((e) => log('services', 'stop failed:', e));
  };
  try {
    const env: NodeJS.ProcessEnv = { ...process.env };
    Object.assign(env, { NODE_ENV: options.mode === 'test' ? 'test' : 'development' });
    env.APP_URL = options.appUrl;
    env.NEXT_TELEMETRY_DISABLED = '1';
    // The SDK's notice about its future Node 22 requirement, once per process, drowns test output.
    env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    env.AUTH_SECRET ??= options.mode === 'dev' ? devAuthSecret() : crypto.randomBytes(32).toString('base64url');

    const localStore = !env.S3_ENDPOINT && !(options.mode === 'dev' && env.S3_BUCKET) ? localStoreKind(options) : null;
    if (!env.DATABASE_URL) {
      // radosgw here keeps its objects in memory, so a development database that outlived it would list
      // files it no longer has: with radosgw, each `npm run dev` starts from a clean slate, both stores together.
      const pg = await startEmbeddedPostgres({ fresh: options.mode === 'test' || localStore === 'radosgw' });
      stops.push(() => pg.stop());
      env.DATABASE_URL = pg.url;
    }

    // A store given by S3_ENDPOINT (or AWS itself) is whatever its endpoint says; prepare.ts asks it.
    let storeKind: StoreKind = storeKindOf(env.S3_ENDPOINT, undefined);
    if (localStore) {
      env.S3_BUCKET = options.mode === 'dev' ? 'guestpass-dev' : 'guestpass-test';
      const { store, origins } = await startStore(options, env.S3_BUCKET!, localStore);
      stops.push(() => store.stop());
      storeKind = store.kind as StoreKind;
      Object.assign(env, {
        S3_ENDPOINT: store.endpoint,
        S3_FORCE_PATH_STYLE: 'true',
        S3_REGION: env.S3_REGION ?? 'us-east-1',
        AWS_ACCESS_KEY_ID: store.accessKeyId,
        AWS_SECRET_ACCESS_KEY: store.secretAccessKey,
        S3_CORS_ORIGINS: origins.join(','),
      });
    } else if (options.mode === 'test') {
      env.S3_BUCKET ??= 'guestpass-test';
      if (options.requireRgw)
        log('services', `using the S3 endpoint given in S3_ENDPOINT (${env.S3_ENDPOINT}) instead of starting radosgw`);
    }
    env.S3_STORE_KIND = storeKind;

    // Real mail in development and tests too: a local SMTP server with an inbox, unless SMTP_URL is given.
    let mailInboxUrl: string | undefined;
    if (!env.SMTP_URL) {
      const inbox = await startMailInbox(options.mode);
      stops.push(() => inbox.stop());
      env.SMTP_URL = inbox.smtpUrl;
      env.MAIL_INBOX_URL = mailInboxUrl = inbox.webUrl;
    }

    await mustRun(process.execPath, ['scripts/migrate.mjs', 'deploy'], { env, quiet: true });
    // Bucket (where the store allows it) and seed, in a child that loads the app's own modules.
    await mustRun(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/prepare.ts'], { env });
    return { env, storeKind, mailInboxUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

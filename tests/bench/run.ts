// npm run bench [-- --quick] [-- --minutes N]: starts its own PostgreSQL and S3 store (radosgw when
// installed), builds the app, seeds the rows it needs, and measures the six targets of issue 16, each
// against a reference taken in the same run. Prints one table and writes .bench/latest.json and
// .bench/latest.svg. CI runs --quick to keep it working; nobody judges its timings there.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { startServices } from '../../scripts/lib/services';
import { freePort, log, mustRun } from '../../scripts/lib/util.mjs';
import { chart } from './chart';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const minutesArg = args.indexOf('--minutes');
const soakMinutes = minutesArg >= 0 ? Number(args[minutesArg + 1]) : 0;
const loadSeconds = quick ? 3 : 10;
const listSamples = quick ? 3 : 9;
const DIST = '.next-bench';

export interface Row {
  target: string;
  figure: string;
  reference: string;
  ratio: number;
  goal: string;
  met: boolean;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {};
const row = (r: Row) => {
  rows.push(r);
  log('bench', `${r.target}: ${r.figure} vs ${r.reference} = ${r.ratio.toFixed(3)} (${r.goal})`);
};

/** Runs a bench child with the app's modules and returns the result it printed. */
function child<T>(file: string, env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', file, ...extraArgs], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk) => (out += chunk));
    proc.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH-RESULT '));
      if (code !== 0 || !line) reject(new Error(`${file} exited with ${code}`));
      else resolve(JSON.parse(line.slice('BENCH-RESULT '.length)) as T);
    });
  });
}

/** Resident memory of the server and every process it started, in MiB. */
function rssMiB(server: ChildProcess): number {
  const out = execFileSync('ps', ['-o', 'rss=', '-g', String(server.pid)], { encoding: 'utf8' });
  return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { redirect: 'manual' })
      .then((r) => r.status < 500)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function stopGroup(proc: ChildProcess): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, name);
    } catch {
      // Already gone.
    }
  };
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    const force = setTimeout(() => signal('SIGKILL'), 10_000);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    signal('SIGTERM');
  });
}

interface Load {
  perSecond: number;
  p99: number;
  errors: number;
  rss: number;
}

/** autocannon, 50 connections; every answer must be the expected status (fast failures are not throughput). */
async function load(server: ChildProcess, url: string, status: number, cookie?: string): Promise<Load> {
  const result = await autocannon({
    url,
    connections: 50,
    duration: loadSeconds,
    timeout: 30,
    headers: cookie ? { cookie } : {},
  });
  const expected = result[`${String(status)[0]}xx` as '2xx' | '3xx'];
  // Other answers would be counted as throughput. Dropped sockets and timeouts (a loaded machine) only
  // lower it: they are reported in the table, not fatal.
  if (expected !== result.requests.total)
    throw new Error(
      `${url}: ${result.requests.total - expected} answers other than ${status}, ${result.errors} errors`,
    );
  return { perSecond: result.requests.average, p99: result.latency.p99, errors: result.errors, rss: rssMiB(server) };
}

/** Server time and size of a page's HTML: the median of interleaved samples of each URL. */
async function pageTimes(urls: { url: string; cookie: string }[]) {
  const samples = urls.map(() => ({ ms: [] as number[], bytes: 0 }));
  for (let i = 0; i < listSamples + 1; i++)
    for (const [j, { url, cookie }] of urls.entries()) {
      const t0 = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
      if (i > 0) samples[j].ms.push(performance.now() - t0); // the first round warms the route up
      samples[j].bytes = Buffer.byteLength(html);
    }
  return samples.map((s) => ({ ms: s.ms.sort((a, b) => a - b)[Math.floor(s.ms.length / 2)], kib: s.bytes / 1024 }));
}
type PageTime = Awaited<ReturnType<typeof pageTimes>>[number];

async function devStartup(): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const dev = spawn('npm', ['run', 'dev'], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      APP_URL: `http://127.0.0.1:${port}`,
      S3_LOCAL: 'emulator',
      S3_LOCAL_PORT: String(await freePort()),
    },
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/login`, 300_000);
    return (performance.now() - t0) / 1000;
  } finally {
    await stopGroup(dev);
  }
}

const appUrl = `http://127.0.0.1:${await freePort()}`;
const services = await startServices({ mode: 'test', appUrl, requireRgw: process.env.REQUIRE_RGW === '1' });
let server: ChildProcess | undefined;
try {
  log('bench', `S3 store: ${services.storeKind} (${services.env.S3_ENDPOINT ?? 'AWS'})`);
  const env: NodeJS.ProcessEnv = { ...services.env, NODE_ENV: 'production', NEXT_DIST_DIR: DIST };
  const flag = quick ? ['--quick'] : [];

  // 1. Signing, in one process.
  type Signing = Record<string, { perSecond: number; ratioToBare: number; ratioToSignatureV4: number }>;
  const signing = await child<Signing>('tests/bench/signing.ts', services.env, flag);
  results.signing = signing;
  for (const kind of ['get', 'put', 'uploadPart', 'post'] as const)
    row({
      target: `1 signing ${kind}`,
      figure: `${Math.round(signing[kind].perSecond)}/s`,
      reference: `bare ${Math.round(signing.bare.perSecond)}/s; SignatureV4 ${Math.round(signing.signatureV4.perSecond)}/s (×${signing[kind].ratioToSignatureV4.toFixed(2)})`,
      ratio: signing[kind].ratioToBare,
      goal: '>= 0.25 of bare',
      met: signing[kind].ratioToBare >= 0.25,
    });

  // 4. Uploads, in one process, before the server competes for the CPU.
  type Uploads = { curve: { partMiB: number; inFlight: number; mbps: number; sdkMbps: number; ratio: number }[] };
  const uploads = await child<Uploads & { best: Uploads['curve'][number] }>(
    'tests/bench/upload-throughput.ts',
    services.env,
    flag,
  );
  results.uploads = uploads;
  row({
    target: `4 upload (${uploads.best.partMiB} MiB × ${uploads.best.inFlight})`,
    figure: `${uploads.best.mbps.toFixed(1)} MB/s`,
    reference: `SDK PutObject ${uploads.best.sdkMbps.toFixed(1)} MB/s`,
    ratio: uploads.best.ratio,
    goal: '>= 0.9',
    met: uploads.best.ratio >= 0.9,
  });

  // The production server, with the rows the rest needs.
  type Seeded = {
    token: string;
    fileId: string;
    invoiceId: string;
    invoiceLink: string;
    recipientsSmall: { shareId: string; recipientId: string };
    recipientsLarge: { shareId: string; recipientId: string };
    smallCustomerId: string;
    largeCustomerId: string;
    photoKeys: string[];
    cookies: Record<'admin' | 'alice' | 'small' | 'large', string>;
  };
  const seeded = await child<Seeded>('tests/bench/seed.ts', services.env);

  // 5. Photo URLs: one page of 50, twice.
  const cache = await child<{ signedFirstRender: number; signedSecondRender: number; sameUrls: boolean }>(
    'tests/bench/avatar-cache.ts',
    { ...services.env, BENCH_PHOTO_KEYS: JSON.stringify(seeded.photoKeys) },
  );
  results.avatarCache = cache;

  const buildStart = performance.now();
  await mustRun('next', ['build'], { env, quiet: true });
  results.buildSeconds = (performance.now() - buildStart) / 1000;
  const port = new URL(appUrl).port;
  const app = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', port], {
    env,
    detached: true,
    stdio: 'ignore',
  });
  server = app;
  await waitFor(`${appUrl}/api/live`, 60_000);
  const rss: Record<string, number> = { idle: rssMiB(app) };

  // 2. Clicks against a dynamic no-op route of the same build, the reference measured before and after.
  const shareUrl = `${appUrl}/s/${seeded.token}/files/${seeded.fileId}`;
  const invoiceUrl = `${appUrl}/invoices/${seeded.invoiceId}/download`;
  const invoiceLinkUrl = `${appUrl}${seeded.invoiceLink}`;
  await load(app, `${appUrl}/api/live`, 200); // warm-up
  const before = await load(app, `${appUrl}/api/live`, 200);
  const share = await load(app, shareUrl, 303);
  const invoice = await load(app, invoiceUrl, 303, seeded.cookies.alice);
  const invoiceLink = await load(app, invoiceLinkUrl, 303);
  const after = await load(app, `${appUrl}/api/live`, 200);
  const reference = (before.perSecond + after.perSecond) / 2;
  Object.assign(rss, {
    afterReference: before.rss,
    afterShareClicks: share.rss,
    afterInvoiceClicks: invoice.rss,
    afterInvoiceLinkClicks: invoiceLink.rss,
  });
  results.clicks = { reference: { before, after }, share, invoice, invoiceLink };
  for (const [name, run] of [
    ['share click', share],
    ['invoice download', invoice],
    ['invoice link click /i/{token}', invoiceLink],
  ] as const)
    row({
      target: `2 ${name}`,
      figure: `${Math.round(run.perSecond)} req/s, p99 ${run.p99} ms${run.errors ? `, ${run.errors} socket errors` : ''}`,
      reference: `no-op route ${Math.round(reference)} req/s, p99 ${before.p99}/${after.p99} ms${before.errors + after.errors ? `, ${before.errors + after.errors} socket errors` : ''}`,
      ratio: run.perSecond / reference,
      goal: '>= 0.5',
      met: run.perSecond / reference >= 0.5,
    });

  // 5. The users list's first page of the 50 accounts with photos, loaded twice: the same URLs, which
  // the browser has cached.
  const photoUrls = async () => {
    const response = await fetch(`${appUrl}/admin/users?q=benchphoto`, { headers: { cookie: seeded.cookies.admin } });
    const html = await response.text();
    return [...html.matchAll(/<img[^>]* src="([^"]+)"/g)].map((m) => m[1]).filter((src) => src.includes('X-Amz-'));
  };
  const [firstLoad, secondLoad] = [await photoUrls(), await photoUrls()];
  const samePageUrls =
    firstLoad.length > 0 &&
    firstLoad.length === secondLoad.length &&
    firstLoad.every((url, i) => url === secondLoad[i]);
  results.avatarCache = { ...cache, usersPagePhotos: firstLoad.length, samePageUrls };
  row({
    target: '5 photo URLs signed, 2nd render of 50',
    figure: `${cache.signedSecondRender} (1st: ${cache.signedFirstRender}); /admin/users reload: ${firstLoad.length} photos, same URLs: ${samePageUrls}`,
    reference: '50 photos',
    ratio: cache.signedSecondRender / 50,
    goal: '0 on the 2nd render',
    met: cache.signedSecondRender === 0 && cache.sameUrls && samePageUrls,
  });

  // 3. Lists: 10 rows against 10,000, interleaved (the same table holds both, told apart by owner,
  // filter, search or parent row). /admin/invoices also renders with the seed's 10,000+ customers
  // in both runs: its customer search (issue form and filter) must list none of them in the page.
  const admin = (url: string) => ({ url: `${appUrl}${url}`, cookie: seeded.cookies.admin });
  const recipientsPage = ({ shareId }: { shareId: string }) => admin(`/admin/shares/${shareId}`);
  const logPage = ({ shareId, recipientId }: { shareId: string; recipientId: string }) =>
    admin(`/admin/shares/${shareId}/recipients/${recipientId}`);
  const lists = [
    {
      name: '/invoices',
      small: { url: `${appUrl}/invoices`, cookie: seeded.cookies.small },
      large: { url: `${appUrl}/invoices`, cookie: seeded.cookies.large },
    },
    {
      name: '/admin/invoices',
      small: { url: `${appUrl}/admin/invoices?customer=${seeded.smallCustomerId}`, cookie: seeded.cookies.admin },
      large: { url: `${appUrl}/admin/invoices?customer=${seeded.largeCustomerId}`, cookie: seeded.cookies.admin },
    },
    {
      name: '/admin/audit',
      small: { url: `${appUrl}/admin/audit?action=storage.lab`, cookie: seeded.cookies.admin },
      large: { url: `${appUrl}/admin/audit?action=invoice.link`, cookie: seeded.cookies.admin },
    },
    { name: '/admin/files', small: admin('/admin/files?q=benchsmall'), large: admin('/admin/files?q=benchlarge') },
    { name: '/admin/users', small: admin('/admin/users?q=benchsmall'), large: admin('/admin/users?q=benchlarge') },
    {
      name: "a share's recipients",
      small: recipientsPage(seeded.recipientsSmall),
      large: recipientsPage(seeded.recipientsLarge),
    },
    { name: "a link's access log", small: logPage(seeded.recipientsSmall), large: logPage(seeded.recipientsLarge) },
  ];
  const listResults: Record<string, unknown> = {};
  const listRow = (name: string, small: PageTime, large: PageTime) => {
    listResults[name] = { small, large };
    row({
      target: `3 ${name} at 10,000 rows`,
      figure: `${large.ms.toFixed(0)} ms, ${large.kib.toFixed(0)} KiB`,
      reference: `10 rows ${small.ms.toFixed(0)} ms, ${small.kib.toFixed(0)} KiB`,
      ratio: large.ms / small.ms,
      goal: '<= 3× and < 200 KiB',
      met: large.ms / small.ms <= 3 && large.kib < 200,
    });
  };
  for (const list of lists) {
    const [small, large] = await pageTimes([list.small, list.large]);
    listRow(list.name, small, large);
  }
  // The shares list has no filter: measured with about 10 shares, then again after 10,000 more.
  const [sharesSmall] = await pageTimes([admin('/admin/shares')]);
  await child('tests/bench/seed.ts', services.env, ['--shares', String(10_000)]);
  const [sharesLarge] = await pageTimes([admin('/admin/shares')]);
  listRow('/admin/shares', sharesSmall, sharesLarge);
  results.lists = listResults;
  rss.afterLists = rssMiB(app);

  // 6. Footprint: RSS after each run; a soak of share clicks shows growth after warm-up.
  if (soakMinutes > 0) {
    const samples: number[] = [];
    const end = Date.now() + soakMinutes * 60_000;
    while (Date.now() < end) samples.push((await load(app, shareUrl, 303)).rss);
    const warm = samples[Math.min(1, samples.length - 1)];
    const growth = (samples.at(-1)! - warm) / warm;
    results.soak = { minutes: soakMinutes, rssSamples: samples };
    row({
      target: `6 RSS growth over ${soakMinutes} min`,
      figure: `${warm.toFixed(0)} → ${samples.at(-1)!.toFixed(0)} MiB`,
      reference: 'after warm-up',
      ratio: growth,
      goal: '<= 0.10',
      met: growth <= 0.1,
    });
  }
  results.rssMiB = rss;
  row({
    target: '6 server RSS',
    figure: Object.entries(rss)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(', '),
    reference: 'MiB',
    ratio: rss.afterLists / rss.idle,
    goal: 'reported',
    met: true,
  });
  await stopGroup(app);
  server = undefined;

  const startup = await devStartup();
  results.devStartupSeconds = startup;
  row({
    target: '6 npm run dev to first page',
    figure: `${startup.toFixed(1)} s`,
    reference: 'emulator, existing .data',
    ratio: startup,
    goal: 'reported',
    met: true,
  });
} finally {
  if (server) await stopGroup(server);
  await services.stop();
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
const table = [
  '| target | figure | reference | ratio | goal | met |',
  '|---|---|---|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.target} | ${r.figure} | ${r.reference} | ${r.ratio.toFixed(3)} | ${r.goal} | ${r.met ? 'yes' : 'NO'} |`,
  ),
].join('\n');
console.log(`\n${new Date().toISOString()} on ${machine}${quick ? ' (--quick)' : ''}\n\n${table}`);
fs.mkdirSync('.bench', { recursive: true });
fs.writeFileSync('.bench/latest.json', JSON.stringify({ date: new Date(), machine, quick, rows, results }, null, 2));
fs.writeFileSync('.bench/latest.svg', chart(rows));
console.log('\nWrote .bench/latest.json and .bench/latest.svg');

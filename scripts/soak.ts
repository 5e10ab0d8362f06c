// npm run soak [-- --seconds N]: mixed traffic for N seconds (default 300) against two instances of the
// production build (`.next-test`, built first; `--reuse-build` takes the one `npm test` just made) on one PostgreSQL and one S3 store started
// here. First it checks what two processes must share through the database (sign-in throttling,
// share unlock throttling, download limits, each raced across both), then partners open shares and
// click files, customers download invoices, admins list pages and create shares, people sign in
// (some with wrong passwords) and monitors poll health. It reports requests served, errors by kind
// and each instance's memory (RSS, and the heap still in use after a full garbage collection, from
// warm-up to the end), and fails on any 5xx, network error, unexpected answer or broken invariant.
import { randomBytes, randomInt } from 'node:crypto';
import os from 'node:os';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import pg from 'pg';
import { SEED_PASSWORD } from '../prisma/seed-accounts';
import { startAppServer, type AppServer } from './lib/app-server';
import { startServices } from './lib/services';
import { freePort, log, mustRun } from './lib/util.mjs';

const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 300;
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error('Usage: npm run soak [-- --seconds N]  (N > 0; default 300)');
  process.exit(2);
}

const DIST_DIR = '.next-test';
process.env.NEXT_DIST_DIR = DIST_DIR;
// Read once the build's manifests are known to exist (they name the server actions).
const builtApp = () => import('../tests/e2e/attacks/built-app');

interface Instance extends AppServer {
  name: string;
  /** Where its heap probe (scripts/lib/heap-probe.cjs) writes. */
  probeFile: string;
}

const MiB = 1024 * 1024;

/** The instance's memory after a full garbage collection, from its heap probe. */
async function heapInUse(instance: Instance): Promise<{ rss: number; heapUsed: number; external: number }> {
  const lines = () =>
    fs.existsSync(instance.probeFile) ? fs.readFileSync(instance.probeFile, 'utf8').trim().split('\n') : [];
  const before = lines().length;
  instance.process.kill('SIGUSR2');
  for (let waited = 0; lines().length === before; waited += 100) {
    if (waited > 30_000) throw new Error(`${instance.name} did not answer its heap probe`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return JSON.parse(lines().at(-1)!);
}

/** Resident memory of a process and its children (`next start` may fork its server), in MiB. */
function rssMiB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let kib = 0;
  const visit = (p: number) => {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended
    }
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return Math.round(kib / 1024);
}

/** Two requests on one kept-alive connection, `idleMs` apart: whether the second still went through it. */
async function connectionOutlasts(url: string, idleMs: number): Promise<boolean> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<boolean>((resolve, reject) => {
      const request = http.get(`${url}/api/live`, { agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(request.reusedSocket));
      });
      request.on('error', reject);
    });
  try {
    await get();
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    // A server that closed it meanwhile makes this request fail (ECONNRESET) or open a new one.
    return await get().catch(() => false);
  } finally {
    agent.destroy();
  }
}

// ── Tallies ────────────────────────────────────────────────────────────────────────────────────────
const served = new Map<string, number>();
const errors = new Map<string, number>();
const errorSamples: string[] = [];
const brokenInvariants: string[] = [];

function countServed(kind: string) {
  served.set(kind, (served.get(kind) ?? 0) + 1);
}
function countError(kind: string, sample: string) {
  errors.set(kind, (errors.get(kind) ?? 0) + 1);
  if (errorSamples.length < 20) errorSamples.push(`${kind}: ${sample}`);
}

/** One request of the mix: counts it, and files a 5xx, a network error or an unexpected status. */
async function hit(
  kind: string,
  send: () => Promise<APIResponse>,
  expected: number[],
): Promise<APIResponse | undefined> {
  let response: APIResponse;
  try {
    response = await send();
  } catch (error) {
    countError('network error', `${kind}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    return undefined;
  }
  countServed(kind);
  const status = response.status();
  if (status >= 500) countError('5xx', `${kind} answered ${status}`);
  else if (!expected.includes(status)) countError('unexpected status', `${kind} answered ${status}`);
  return response;
}

// ── Setup ──────────────────────────────────────────────────────────────────────────────────────────
const urls = [`http://127.0.0.1:${await freePort()}`, `http://127.0.0.1:${await freePort()}`];
const services = await startServices({
  mode: 'test',
  appUrl: urls[0],
  requireRgw: process.env.REQUIRE_RGW === '1' || process.env.CI === 'true',
  extraOrigins: [urls[1]],
});
const instances: Instance[] = [];
let exitCode = 1;
try {
  const env: NodeJS.ProcessEnv = { ...services.env, NODE_ENV: 'production', NEXT_DIST_DIR: DIST_DIR };
  Object.assign(process.env, services.env, { NEXT_DIST_DIR: DIST_DIR });
  if (!process.argv.includes('--reuse-build') || !fs.existsSync(path.join(DIST_DIR, 'BUILD_ID')))
    await mustRun('next', ['build'], { env });
  await mustRun(process.execPath, ['scripts/standalone-assets.mjs'], { env });
  // Behind a proxy (one hop), so that each simulated person has an address of their own, as in production.
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guestpass-soak-'));
  for (const [index, url] of urls.entries()) {
    const probeFile = path.join(probeDir, `instance-${index + 1}.jsonl`);
    const probe = `--expose-gc --import ${pathToFileURL(path.resolve('scripts/lib/heap-probe.mjs'))}`;
    instances.push({
      name: `instance ${index + 1}`,
      probeFile,
      ...(await startAppServer(
        { ...env, TRUSTED_PROXY_HOPS: '1', HEAP_PROBE_FILE: probeFile, NODE_OPTIONS: probe },
        { port: Number(new URL(url).port), quiet: true },
      )),
    });
  }
  const memoryAtStart = instances.map((i) => rssMiB(i.process.pid!));
  const { builtActions, callAction, formData: form } = await builtApp();
  const actions = builtActions();
  const action = (name: string) => actions.find((a) => a.name.endsWith(`#${name}`))!;

  /** A person: their own cookie jar, on one instance, from an address of their own. */
  const person = (instance: number) =>
    playwrightRequest.newContext({
      baseURL: urls[instance],
      extraHTTPHeaders: { 'X-Forwarded-For': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` },
      timeout: 30_000,
    });
  const signInAs = async (context: APIRequestContext, email: string, password: string) =>
    callAction(context, action('signInAction'), [{ status: 'idle' }, form({ email, password, callbackUrl: '/' })]);
  const signedIn = async (instance: number, email: string) => {
    const context = await person(instance);
    const outcome = await signInAs(context, email, SEED_PASSWORD);
    if (!outcome.redirect) throw new Error(`could not sign in ${email}: ${outcome.body.slice(0, 200)}`);
    return context;
  };

  const db = new pg.Client({ connectionString: services.env.DATABASE_URL });
  await db.connect();
  const admins = [await signedIn(0, 'admin@example.com'), await signedIn(1, 'admin@example.com')];
  const { seedLibraryFile } = await import('../tests/e2e/share-seed');
  const files = [await seedLibraryFile('soak one.pdf'), await seedLibraryFile('soak two.pdf', randomBytes(64 * 1024))];

  interface Link {
    token: string;
    recipientId: string;
    fileId: string;
    limit: number;
    clicks: number;
    granted: number;
  }
  const createShare = async (
    admin: APIRequestContext,
    options: { limit: number; recipients: number; password?: string },
  ) => {
    const outcome = await callAction(admin, action('createShareAction'), [
      { status: 'idle' },
      form({
        title: `Soak ${randomBytes(3).toString('hex')}`,
        message: '',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        password: options.password ?? '',
        maxDownloads: String(options.limit),
        fileId: files.map((f) => f.id),
        recipientName: Array.from({ length: options.recipients }, (_, i) => `Partner ${i + 1}`),
        recipientEmail: Array.from({ length: options.recipients }, (_, i) => `partner${i + 1}@example.com`),
      }),
    ]);
    const data = (outcome.state as { status?: string; data?: { links: { recipientId: string; url: string }[] } } | null)
      ?.data;
    if (outcome.state?.status !== 'success' || !data)
      throw new Error(`createShareAction: ${outcome.body.slice(0, 300)}`);
    return data.links.map((link) => ({
      token: new URL(link.url).pathname.split('/').pop()!,
      recipientId: link.recipientId,
      fileId: files[randomInt(files.length)].id,
      limit: options.limit,
      clicks: 0,
      granted: 0,
    }));
  };

  // ── Two instances, one database: each limit raced from both processes at once ──────────────────────
  const racedAcross = async <T>(attempts: number, attempt: (instance: number) => Promise<T>) =>
    Promise.all(Array.from({ length: attempts }, (_, i) => attempt(i % 2)));
  /**
   * Each recipient's downloads as the database has them: counted against the limit, and retries (a
   * click on a file whose counted URL was still valid: granted, logged, not counted).
   */
  const downloadsOf = async (recipientIds: string[]) => {
    const { rows } = await db.query<{ id: string; downloadCount: number; counted: number; retried: number }>(
      `SELECT r."id", r."downloadCount",
         (SELECT count(*) FROM "ShareAccessLog" a WHERE a."recipientId" = r."id" AND a."kind" = 'DOWNLOAD' AND a."reason" IS NULL)::int AS "counted",
         (SELECT count(*) FROM "ShareAccessLog" a WHERE a."recipientId" = r."id" AND a."kind" = 'DOWNLOAD' AND a."reason" IS NOT NULL)::int AS "retried"
       FROM "ShareRecipient" r WHERE r."id" = ANY($1)`,
      [recipientIds],
    );
    return new Map(rows.map((row) => [row.id, row]));
  };

  const twoInstanceChecks: string[] = [];
  const expectExactly = (what: string, actual: number, expected: number) => {
    const line = `${what}: ${actual} (expected ${expected})`;
    twoInstanceChecks.push(line);
    if (actual !== expected) brokenInvariants.push(line);
  };

  // Idle longer than Node's own keep-alive (5 s), a connection is still open: the server outlasts a
  // load balancer's idle timeout (scripts/start.mjs), so it never hangs up as the next request comes.
  const keptOpen = await Promise.all(urls.map((url) => connectionOutlasts(url, 6_000)));
  expectExactly('keep-alive: instances that kept a connection idle for 6 s open', keptOpen.filter(Boolean).length, 2);

  const signInRace = await racedAcross(20, async (instance) => {
    const context = await person(instance);
    const outcome = await signInAs(context, 'carol@example.com', 'not carol’s password');
    await context.dispose();
    return outcome.state?.message ?? `status ${outcome.status}`;
  });
  expectExactly(
    'sign-in: wrong passwords checked of 20 raced across both instances',
    signInRace.filter((m) => m.startsWith('Wrong email or password')).length,
    5,
  );
  expectExactly(
    'sign-in: the rest refused as too many',
    signInRace.filter((m) => m.startsWith('Too many failed sign-ins')).length,
    15,
  );

  const [locked] = await createShare(admins[0], { limit: 3, recipients: 1, password: 'soak share password' });
  const unlockRace = await racedAcross(20, async (instance) => {
    const context = await person(instance);
    const outcome = await callAction(context, action('unlockShareAction'), [
      { status: 'idle' },
      form({ token: locked.token, password: 'a wrong password' }),
    ]);
    await context.dispose();
    return outcome.state?.message ?? `status ${outcome.status}`;
  });
  expectExactly(
    'share unlock: wrong passwords checked of 20 raced across both instances',
    unlockRace.filter((m) => m.startsWith('That password is not right')).length,
    5,
  );

  const [limited] = await createShare(admins[1], { limit: 3, recipients: 1 });
  const clickRace = await racedAcross(20, async (instance) => {
    const context = await person(instance);
    const response = await context.get(`/s/${limited.token}/files/${limited.fileId}`, { maxRedirects: 0 });
    await context.dispose();
    return response.status();
  });
  const raced = (await downloadsOf([limited.recipientId])).get(limited.recipientId)!;
  expectExactly('download limit 3: downloads counted of 20 clicks raced across both instances', raced.counted, 3);
  expectExactly("download limit 3: the link's count", raced.downloadCount, 3);
  // Clicks that saw a counted URL of the same file still valid are retries; all others are refused.
  expectExactly(
    'download limit 3: clicks granted (counted + retries)',
    clickRace.filter((s) => s === 303).length,
    3 + raced.retried,
  );
  expectExactly(
    'download limit 3: the rest refused (410)',
    clickRace.filter((s) => s === 410).length,
    17 - raced.retried,
  );

  // ── Mixed traffic ───────────────────────────────────────────────────────────────────────────────────
  const links: Link[] = await createShare(admins[0], { limit: 5, recipients: 10 });
  const invoices = (
    await db.query<{ id: string; email: string }>(
      `SELECT i."id", u."email" FROM "Invoice" i JOIN "User" u ON u."id" = i."customerId" WHERE i."status" IN ('OPEN', 'PAID')`,
    )
  ).rows;
  const customers = await Promise.all(
    ['alice@example.com', 'bob@example.com'].map(async (email, i) => ({
      context: await signedIn(i, email),
      invoices: invoices.filter((invoice) => invoice.email === email).map((invoice) => invoice.id),
    })),
  );
  if (customers.some((c) => !c.invoices.length)) throw new Error('the seed has no open invoice for alice or bob');

  const deadline = Date.now() + seconds * 1000;
  const loop = async (work: () => Promise<void>) => {
    while (Date.now() < deadline) await work();
  };
  const partner = async () => {
    const contexts = [await person(0), await person(1)];
    await loop(async () => {
      const link = links[randomInt(links.length)];
      const context = contexts[randomInt(2)];
      await hit('partner opens a share', () => context.get(`/s/${link.token}`), [200, 410]);
      const click = await hit(
        'partner clicks a file',
        () => context.get(`/s/${link.token}/files/${link.fileId}`, { maxRedirects: 0 }),
        [303, 410],
      );
      if (click) link.clicks++;
      if (click?.status() !== 303) return;
      link.granted++;
      const object = await hit('partner downloads from S3', () => context.get(click.headers()['location']!), [200]);
      const expected = files.find((f) => f.id === link.fileId)!.bytes;
      if (object?.status() === 200 && !(await object.body()).equals(expected))
        brokenInvariants.push(`a download of ${link.fileId} did not return the stored bytes`);
    });
  };
  const customer = async (who: (typeof customers)[number]) =>
    loop(async () => {
      await hit('customer lists invoices', () => who.context.get('/invoices'), [200]);
      const id = who.invoices[randomInt(who.invoices.length)];
      const download = await hit(
        'customer downloads an invoice',
        () => who.context.get(`/invoices/${id}/download`, { maxRedirects: 0 }),
        [303],
      );
      const location = download?.headers()['location'];
      if (location) await hit('customer fetches the invoice from S3', () => who.context.get(location), [200]);
    });
  const admin = async (context: APIRequestContext) => {
    let round = 0;
    await loop(async () => {
      for (const page of ['/admin/files', '/admin/shares', '/admin/invoices', '/admin/audit', '/admin/users'])
        await hit(`admin lists ${page}`, () => context.get(page), [200]);
      // New partners now and then, so that clicks keep meeting links that still have downloads left.
      if (++round % 5 !== 0) return;
      links.push(...(await createShare(context, { limit: 5, recipients: 4 })));
      countServed('admin creates a share');
    });
  };
  const signIns = async () =>
    loop(async () => {
      const instance = randomInt(2);
      const context = await person(instance);
      const right = randomInt(4) === 0;
      const outcome = await signInAs(
        context,
        right ? 'alice@example.com' : `nobody-${randomBytes(4).toString('hex')}@example.com`,
        right ? SEED_PASSWORD : 'wrong password',
      );
      const kind = right ? 'sign-in with the right password' : 'sign-in with a wrong password';
      countServed(kind);
      if (outcome.status >= 500) countError('5xx', `${kind} answered ${outcome.status}`);
      else if (right ? !outcome.redirect : !outcome.state?.message?.startsWith('Wrong email or password'))
        countError('unexpected answer', `${kind}: ${outcome.state?.message ?? outcome.status}`);
      await context.dispose();
    });
  const health = async () => {
    const contexts = [await person(0), await person(1)];
    await loop(async () => {
      for (const context of contexts) await hit('health check', () => context.get('/api/health'), [200]);
      await new Promise((r) => setTimeout(r, 250));
    });
  };

  // The heap in use after warm-up (a fifth of the run, at most a minute: caches filled, code
  // compiled) and at the end: growth between the two is memory the app keeps.
  const warmUpMs = Math.min(60_000, (seconds * 1000) / 5);
  const heapAfterWarmUp: Awaited<ReturnType<typeof heapInUse>>[] = [];
  const memory = async () => {
    await new Promise((resolve) => setTimeout(resolve, warmUpMs));
    for (const instance of instances) heapAfterWarmUp.push(await heapInUse(instance));
  };

  log('soak', `two instances (${urls.join(', ')}), ${seconds} s of mixed traffic`);
  const t0 = performance.now();
  await Promise.all([
    memory(),
    partner(),
    partner(),
    partner(),
    ...customers.map(customer),
    admin(admins[0]),
    admin(admins[1]),
    signIns(),
    health(),
  ]);
  const elapsed = (performance.now() - t0) / 1000;

  // ── Invariants in the database ──────────────────────────────────────────────────────────────────────
  const logged = await downloadsOf(links.map((l) => l.recipientId));
  for (const link of links) {
    const { downloadCount, counted, retried } = logged.get(link.recipientId)!;
    const broken = (what: string) => brokenInvariants.push(`recipient ${link.recipientId}: ${what}`);
    // On whichever instance: never over the limit, the count is what the log says was counted,
    // every granted click is in the log, and a click is refused only once the limit is used up.
    if (counted > link.limit) broken(`${counted} downloads counted, limit ${link.limit}`);
    if (downloadCount !== counted) broken(`count ${downloadCount}, ${counted} counted downloads logged`);
    if (counted + retried !== link.granted)
      broken(`${link.granted} clicks granted, ${counted} counted + ${retried} retries logged`);
    if (link.granted < link.clicks && counted !== link.limit)
      broken(`${link.clicks - link.granted} of ${link.clicks} clicks refused with ${counted} of ${link.limit} used`);
  }
  await db.end();
  for (const file of files) await file.remove();

  const memoryAtEnd = instances.map((i) => rssMiB(i.process.pid!));
  const heapAtEnd = [];
  for (const instance of instances) heapAtEnd.push(await heapInUse(instance));
  fs.rmSync(probeDir, { recursive: true });
  const total = [...served.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\nSoak: ${total} requests in ${elapsed.toFixed(0)} s (${(total / elapsed).toFixed(1)}/s) on two instances`,
  );
  for (const [kind, count] of [...served].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(count).padStart(7)}  ${kind}`);
  console.log('Two instances, one database:');
  for (const line of twoInstanceChecks) console.log(`  ${line}`);
  const usedUp = links.filter((l) => logged.get(l.recipientId)!.counted === l.limit).length;
  const retries = [...logged.values()].reduce((sum, row) => sum + row.retried, 0);
  console.log(
    `Download limits: ${links.length} recipients, ${usedUp} used up to their limit exactly; ${retries} retries not counted`,
  );
  console.log(`Errors: ${errors.size ? [...errors].map(([k, n]) => `${n} ${k}`).join(', ') : 'none'}`);
  for (const sample of errorSamples) console.log(`  ${sample}`);
  const mib = (bytes: number) => (bytes / MiB).toFixed(1);
  for (const [i, instance] of instances.entries()) {
    const [warm, end] = [heapAfterWarmUp[i], heapAtEnd[i]];
    const growth = ((end.heapUsed + end.external) / (warm.heapUsed + warm.external) - 1) * 100;
    console.log(`Memory of ${instance.name}: RSS ${memoryAtStart[i]} MiB at start, ${memoryAtEnd[i]} MiB at end`);
    console.log(
      `  in use after a full GC: heap ${mib(warm.heapUsed)} + external ${mib(warm.external)} MiB after warm-up (${warmUpMs / 1000} s), ` +
        `${mib(end.heapUsed)} + ${mib(end.external)} MiB at the end: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%`,
    );
  }
  if (brokenInvariants.length) console.log(`Broken invariants:\n  ${brokenInvariants.join('\n  ')}`);
  exitCode = errors.size || brokenInvariants.length ? 1 : 0;
  console.log(exitCode ? 'Soak FAILED' : 'Soak passed');
} catch (error) {
  console.error('Soak could not run:', error);
} finally {
  for (const instance of instances) await instance.stop();
  await services.stop();
}
process.exit(exitCode);

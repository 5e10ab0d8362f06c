import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { MailDev } from 'maildev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/scripts/lib/util.mjs';
import { mailsTo, waitForMail } from '@/tests/helpers/mail';

// Real parts only: PostgreSQL, pg-boss, worker processes started as `npm run worker` starts them, and
// an SMTP server (maildev) of this test's own, which it stops and starts to play an outage.
const { db } = await import('@/lib/db');
const { queueMail } = await import('@/lib/mail/queue');
const { stopProducer } = await import('@/lib/jobs/boss');
const { firstDownloadOwnerMail } = await import('@/lib/mail/templates/share-first-download');

const smtpPort = await freePort();
const webPort = await freePort();
const inboxUrl = `http://127.0.0.1:${webPort}`;
let smtp: MailDev | null = null;

interface WorkerProcess {
  child: ChildProcess;
  output: string[];
}
const workers: WorkerProcess[] = [];

function startWorkerProcess(): WorkerProcess {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
    // Every minute here, so that a tick falls inside the test; hourly by default.
    env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, CLEANUP_SCHEDULE: '* * * * *' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker = { child, output: [] as string[] };
  child.stdout!.on('data', (chunk: Buffer) => worker.output.push(...chunk.toString().split('\n')));
  child.stderr!.on('data', (chunk: Buffer) => worker.output.push(...chunk.toString().split('\n')));
  workers.push(worker);
  return worker;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const started = (worker: WorkerProcess) =>
  until('the worker to start', async () => worker.output.some((line) => line.includes('[jobs] worker started')));

async function stopWorkerProcess(worker: WorkerProcess): Promise<number | null> {
  if (worker.child.exitCode !== null) return worker.child.exitCode;
  const exited = new Promise<number | null>((resolve) => worker.child.once('exit', (code) => resolve(code)));
  worker.child.kill('SIGTERM');
  return exited;
}

async function startSmtp() {
  smtp = new MailDev({ smtp: smtpPort, web: webPort, ip: '127.0.0.1', webIp: '127.0.0.1', silent: true });
  await smtp.start();
}

async function stopSmtp() {
  await smtp?.stop();
  smtp = null;
}

const suffix = randomBytes(4).toString('hex');

/** Queues a mail to a fresh address; returns the address and the outbox id. */
async function queueOne(label: string) {
  const to = `${label}-${suffix}@mail.test`;
  const id = await queueMail(
    firstDownloadOwnerMail,
    {
      recipientName: 'Partner',
      recipientEmail: 'partner@example.net',
      shareTitle: `${label} ${suffix}`,
      fileName: 'report.pdf',
      accessLogUrl: 'http://127.0.0.1/admin/shares/x/recipients/y',
    },
    { to },
  );
  return { to, id: id! };
}

const failedOnce = (id: string) =>
  until('a failed attempt', async () => {
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
    return row.attempts >= 1 && row.lastError !== null && row.status === 'QUEUED';
  });

const sent = (id: string) =>
  until('the mail to be sent', async () => {
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
    return row.status === 'SENT' && row;
  });

beforeAll(async () => {
  await Promise.all([startWorkerProcess(), startWorkerProcess()].map(started));
});

afterAll(async () => {
  await Promise.all(workers.map(stopWorkerProcess));
  await stopSmtp();
  await stopProducer();
  await db.$disconnect();
});

describe('mail queue and scheduled jobs (PostgreSQL, pg-boss, SMTP, two worker processes)', () => {
  it('delivers a mail queued while SMTP is down once it is back, exactly once across two workers', async () => {
    const { to, id } = await queueOne('outage');
    await failedOnce(id);
    expect((await db.mailMessage.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/ECONNREFUSED/);

    await startSmtp();
    const row = await sent(id);
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    // Sent, the body is gone (it may hold a one-time link); the subject stays for the admin's list.
    expect(row).toMatchObject({ text: null, html: null, lastError: null });

    const mail = await waitForMail(to, { inboxUrl });
    expect(mail.subject).toBe(`Partner downloaded from “outage ${suffix}”`);
    expect(mail.text).toContain('See the access log:\nhttp://127.0.0.1/admin/shares/x/recipients/y');
    expect(mail.html).toContain('Guestpass');
    // Both workers ran; exactly one of them sent it, once.
    const sentLines = workers.flatMap((w) => w.output).filter((line) => line.includes(`mail: ${id} sent`));
    expect(sentLines).toHaveLength(1);
    expect(await mailsTo(to, { inboxUrl })).toHaveLength(1);
  }, 180_000); // mails queued by earlier test files are in the same queue, failing and retrying too

  it('a mail that waits in the queue survives a restart of every worker', async () => {
    await stopSmtp();
    const { to, id } = await queueOne('restart');
    await failedOnce(id);
    // SIGTERM: each worker lets a running job finish and exits cleanly.
    expect(await Promise.all(workers.map(stopWorkerProcess))).toEqual([0, 0]);
    expect((await db.mailMessage.findUniqueOrThrow({ where: { id } })).status).toBe('QUEUED');

    await startSmtp();
    await started(startWorkerProcess());
    await sent(id);
    expect(await mailsTo(to, { inboxUrl })).toHaveLength(1);
  }, 180_000);

  it('runs each scheduled cleanup tick once across two workers', async () => {
    await started(startWorkerProcess());
    const since = new Date();
    // Wait for a tick after both running workers were up.
    const jobs = await until('a scheduled cleanup to run', async () => {
      const rows = await db.$queryRaw<{ id: string; minute: Date }[]>`
        SELECT "id"::text, date_trunc('minute', "created_on") AS "minute" FROM "pgboss"."job"
        WHERE "name" = 'storage-cleanup' AND "state" = 'completed' AND "created_on" >= ${since}`;
      return rows.length > 0 && rows;
    });
    const running = workers.filter((w) => w.child.exitCode === null);
    expect(running).toHaveLength(2);
    for (const job of jobs) {
      const ranOn = running.filter((w) => w.output.some((line) => line.includes(`storage-cleanup: ${job.id}`)));
      expect(ranOn).toHaveLength(1);
    }
    // One job per tick, however many workers keep the clock.
    expect(new Set(jobs.map((j) => j.minute.toISOString())).size).toBe(jobs.length);
  }, 180_000); // a minute's tick, plus pg-boss's 30-second cron check
});

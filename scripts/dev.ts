// npm run dev: PostgreSQL, S3 with its bucket and CORS, migrations, seed, then Next on APP_URL.
// Ctrl-C stops everything this started.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { SEED_INVITED, SEED_PASSWORD, SEED_USERS } from '../prisma/seed-accounts';
import { startServices } from './lib/services';
import { log } from './lib/util.mjs';

const appUrl = new URL(process.env.APP_URL ?? 'http://127.0.0.1:3000');
const services = await startServices({ mode: 'dev', appUrl: appUrl.origin });

const next = spawn(
  path.resolve('node_modules/.bin/next'),
  ['dev', '-H', appUrl.hostname, '-p', appUrl.port || '3000'],
  {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: services.env,
  },
);

let bannerShown = false;
next.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!bannerShown && /Ready in|✓ Ready/.test(chunk.toString())) {
    bannerShown = true;
    const width = Math.max(...SEED_USERS.map((u) => u.email.length));
    console.log(
      [
        '',
        '  Guestpass is running',
        `    App:          ${appUrl.origin}`,
        `    Sign in:      ${appUrl.origin}/login`,
        `    Health:       ${appUrl.origin}/api/health`,
        `    S3 endpoint:  ${services.env.S3_ENDPOINT ?? `AWS (${services.env.S3_REGION})`}  bucket ${services.env.S3_BUCKET}  (${services.storeKind})`,
        `    Database:     ${services.env.DATABASE_URL!.replace(/:[^:@/]+@/, ':***@')}`,
        `    Mail:         ${services.mailInboxUrl ?? `sent through ${services.env.SMTP_URL!.replace(/:[^:@/]+@/, ':***@')}`}`,
        `  Seed accounts (password "${SEED_PASSWORD}"):`,
        ...SEED_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role === 'ADMIN' ? 'admin' : 'customer'}`),
        `    ${SEED_INVITED.email.padEnd(width)}  invited customer: the invitation mail is in the inbox`,
        '  Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
  }
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log('dev', 'stopping…');
  if (next.exitCode === null) {
    next.kill('SIGTERM');
    await new Promise((resolve) => next.once('exit', resolve));
  }
  await services.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
next.on('exit', (code) => void shutdown(code ?? 0));

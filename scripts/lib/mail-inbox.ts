// A local SMTP server with a web inbox (maildev, in this process) for `npm run dev` and the tests:
// the app sends every mail through SMTP, and people (http://127.0.0.1:1080) or tests (its JSON API,
// GET /api/email) read it there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MailDev } from 'maildev';
import { freePort } from './util.mjs';

export interface MailInbox {
  /** For SMTP_URL. */
  smtpUrl: string;
  /** The web inbox; its JSON API is under /api (GET /api/email, DELETE /api/email/all). */
  webUrl: string;
  stop(): Promise<void>;
}

/**
 * Development: SMTP 1025 and inbox 1080 (MAIL_SMTP_PORT, MAIL_WEB_PORT to run several side by side),
 * mail kept in .data/mail across restarts. Tests: free ports, and a throw-away directory.
 */
export async function startMailInbox(mode: 'dev' | 'test'): Promise<MailInbox> {
  const dev = mode === 'dev';
  const smtp = dev ? Number(process.env.MAIL_SMTP_PORT) || 1025 : await freePort();
  const web = dev ? Number(process.env.MAIL_WEB_PORT) || 1080 : await freePort();
  const directory = dev ? path.resolve('.data/mail') : fs.mkdtempSync(path.join(os.tmpdir(), 'guestpass-mail-'));
  fs.mkdirSync(directory, { recursive: true });
  const maildev = new MailDev({
    smtp,
    web,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    silent: true,
    mailDirectory: directory,
  });
  await maildev.start();
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    webUrl: `http://127.0.0.1:${web}`,
    stop: async () => {
      await maildev.stop();
      if (!dev) fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

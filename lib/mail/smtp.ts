import 'server-only';
import nodemailer from 'nodemailer';
import { env } from '@/lib/env';

let transport: nodemailer.Transporter | undefined;

/** The sender: MAIL_FROM, or APP_NAME at no-reply@ the app's own host. */
export function mailFrom(): string | { name: string; address: string } {
  return env.MAIL_FROM ?? { name: env.APP_NAME, address: `no-reply@${new URL(env.APP_URL).hostname}` };
}

/** Hands one message to the SMTP server at SMTP_URL; throws when it is not accepted. */
export async function sendSmtp(message: { to: string; subject: string; text: string; html: string }): Promise<void> {
  if (!env.SMTP_URL) throw new Error('SMTP_URL is not set, so no mail can be sent');
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: mailFrom(), ...message });
}

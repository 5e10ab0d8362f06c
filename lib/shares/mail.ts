import 'server-only';
import nodemailer from 'nodemailer';
import { env } from '@/lib/env';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: nodemailer.Transporter | undefined;

/**
 * Sends a plain-text mail over SMTP_URL. Without SMTP configured (development, tests) the mail is
 * printed to the server log instead, so the flow can be followed without a mail server.
 */
export async function sendMail(mail: Mail): Promise<void> {
  if (!env.SMTP_URL) {
    console.info(
      `[mail] (SMTP_URL not set, printed instead of sent)\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`,
    );
    return;
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.MAIL_FROM, ...mail });
}

import { formatDateTime, formatDuration } from '@/lib/format';

/** What a template says; composeMail turns it into the subject, plain-text and HTML parts. */
export interface MailBody {
  subject: string;
  /** "Hello Alice," */
  greeting?: string;
  paragraphs: string[];
  /** The one thing the reader should do: a button in HTML, a bare URL on its own line in text. */
  action?: { label: string; url: string };
  /** When the action's link (or the access the mail is about) stops working. */
  expires?: { at: Date; what?: string };
  /** A last, quieter line: why the reader got this mail, or what to do if it was not them. */
  footnote?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface LayoutOptions {
  appName: string;
  appUrl: string;
  /** When the mail is composed: the expiry line counts from here. */
  now?: Date;
}

/**
 * "This link expires on 2 Dec 2026, 14:50:00 UTC (72 hours from now)." In UTC, because a mail is
 * read in a time zone the server does not know, and with the length in words.
 */
export function expiryLine(expires: NonNullable<MailBody['expires']>, now: Date): string {
  const left = Math.max(60, (expires.at.getTime() - now.getTime()) / 1000);
  return `${expires.what ?? 'This link'} expires on ${formatDateTime(expires.at, 'UTC')} (${formatDuration(left, { approximate: true })} after this mail was written).`;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The one layout of every mail: the app's name, the message, one action, the expiry, a footnote. */
export function composeMail(body: MailBody, options: LayoutOptions): RenderedMail {
  const now = options.now ?? new Date();
  const expiry = body.expires ? expiryLine(body.expires, now) : undefined;
  const text = [
    ...(body.greeting ? [body.greeting] : []),
    ...body.paragraphs,
    ...(body.action ? [`${body.action.label}:\n${body.action.url}`] : []),
    ...(expiry ? [expiry] : []),
    ...(body.footnote ? [body.footnote] : []),
    `— ${options.appName}, ${options.appUrl}`,
  ].join('\n\n');

  const paragraph = (content: string, style = 'margin:0 0 16px') => `<p style="${style}">${escapeHtml(content)}</p>`;
  const button = body.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="display:inline-block;background:#4338ca;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px">${escapeHtml(body.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#555555">If the button does not work, open this address: <span style="word-break:break-all">${escapeHtml(body.action.url)}</span></p>`
    : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(body.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#18181b">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 24px;font-weight:700;font-size:17px">${escapeHtml(options.appName)}</p>
${body.greeting ? paragraph(body.greeting) : ''}${body.paragraphs.map((p) => paragraph(p)).join('')}${button}${expiry ? paragraph(expiry, 'margin:0 0 16px;font-weight:600') : ''}${body.footnote ? paragraph(body.footnote, 'margin:24px 0 0;font-size:13px;color:#555555') : ''}
</div>
<p style="max-width:560px;margin:12px auto 0;font-size:12px;color:#71717a;text-align:center">${escapeHtml(options.appName)} · <a href="${escapeHtml(options.appUrl)}" style="color:#71717a">${escapeHtml(options.appUrl)}</a></p>
</body></html>`;
  return { subject: body.subject, text, html };
}

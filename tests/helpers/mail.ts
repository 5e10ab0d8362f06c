/**
 * Reading the test inbox: the maildev that scripts/lib/services.ts starts for each test run
 * (MAIL_INBOX_URL), through its JSON API. For integration and e2e tests alike.
 * `const mail = await waitForMail('alice@example.com', { subject: /invitation/i }); await page.goto(mail.links[0]);`
 */

export interface ReceivedMail {
  id: string;
  subject: string;
  to: string[];
  text: string;
  html: string;
  /** Every http(s) URL in the plain-text part, in order. */
  links: string[];
}

interface MaildevMessage {
  id: string;
  subject: string;
  to: { address: string }[];
  text?: string;
  html?: string;
}

function inbox(url?: string): string {
  const base = url ?? process.env.MAIL_INBOX_URL;
  if (!base) throw new Error('MAIL_INBOX_URL is not set: run the tests through `npm test`, which starts the inbox');
  return base.replace(/\/$/, '');
}

/** Every mail in the inbox to `to` (case-insensitive), oldest first. */
export async function mailsTo(to: string, options: { inboxUrl?: string } = {}): Promise<ReceivedMail[]> {
  const response = await fetch(`${inbox(options.inboxUrl)}/api/email?sort=asc`);
  if (!response.ok) throw new Error(`the inbox answered ${response.status}`);
  const messages = (await response.json()) as MaildevMessage[];
  return messages
    .filter((m) => m.to.some((r) => r.address.toLowerCase() === to.toLowerCase()))
    .map((m) => ({
      id: m.id,
      subject: m.subject,
      to: m.to.map((r) => r.address),
      text: m.text ?? '',
      html: m.html ?? '',
      links: [...(m.text ?? '').matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0]),
    }));
}

/** Waits for a mail to `to` (whose subject matches, if given) and returns the newest such mail. */
export async function waitForMail(
  to: string,
  options: { subject?: string | RegExp; inboxUrl?: string; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const { subject, timeoutMs = 30_000 } = options;
  const matches = (mail: ReceivedMail) =>
    subject === undefined ||
    (typeof subject === 'string' ? mail.subject.includes(subject) : subject.test(mail.subject));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailsTo(to, options)).filter(matches).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ''} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

import { defineMail } from '@/lib/mail/template';

interface ShareLink {
  recipientName: string;
  senderName: string | null;
  appName: string;
  shareTitle: string;
  message: string;
  url: string;
  expiresAt: Date;
  hasPassword: boolean;
}

/** To one recipient: their own link to a share (never a list: each mail carries one person's link). */
export const shareLinkMail = defineMail('share.link', (p: ShareLink) => {
  const sender = p.senderName ? `${p.senderName} from ${p.appName}` : p.appName;
  return {
    subject: `${sender} shared “${p.shareTitle}” with you`,
    greeting: `Hello ${p.recipientName},`,
    paragraphs: [
      `${sender} shared files with you: “${p.shareTitle}”.`,
      ...(p.message ? [p.message] : []),
      ...(p.hasPassword ? ['The files are protected by a password, which the sender gives you separately.'] : []),
    ],
    action: { label: 'Open your files', url: p.url },
    expires: { at: p.expiresAt, what: 'Your access' },
    footnote:
      'This link is yours alone: please do not forward it. If you did not expect these files, ignore this mail.',
  };
});

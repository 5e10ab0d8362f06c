import { defineMail } from '@/lib/mail/template';

interface FirstDownload {
  recipientName: string;
  recipientEmail: string;
  shareTitle: string;
  fileName: string;
}

/** To the partner: their link was used for the first time (if it was not them, they can say so). */
export const firstDownloadPartnerMail = defineMail(
  'share.first-download.partner',
  (p: FirstDownload & { shareExpiresAt: Date; senderName: string | null }) => ({
    subject: `You downloaded “${p.fileName}”`,
    greeting: `Hello ${p.recipientName},`,
    paragraphs: [
      `Your link to “${p.shareTitle}” was just used to download “${p.fileName}”.`,
      `If this was not you, tell ${p.senderName ?? 'the sender'} so they can revoke the link.`,
    ],
    expires: { at: p.shareExpiresAt, what: 'Your access' },
    footnote: 'You get this mail once per link, on its first download.',
  }),
);

/** To the admin who created the share: a recipient downloaded for the first time. */
export const firstDownloadOwnerMail = defineMail(
  'share.first-download.owner',
  (p: FirstDownload & { accessLogUrl: string }) => ({
    subject: `${p.recipientName} downloaded from “${p.shareTitle}”`,
    paragraphs: [
      `${p.recipientName} <${p.recipientEmail}> downloaded “${p.fileName}” from your share “${p.shareTitle}” for the first time.`,
    ],
    action: { label: 'See the access log', url: p.accessLogUrl },
    footnote: 'You get this mail once per recipient, on their first download.',
  }),
);

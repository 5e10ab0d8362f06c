import type { AccountLinkMail } from '@/lib/accounts/links';
import { defineMail } from '@/lib/mail/template';

/** To the new address of an email change: the change happens when the link is used. */
export const emailChangeMail = defineMail('account.email-change', (p: AccountLinkMail) => ({
  subject: 'Confirm your new email address',
  greeting: `Hello ${p.name},`,
  paragraphs: [`Confirm that your account should use ${p.email} from now on. Nothing changes until you do.`],
  action: { label: 'Confirm this address', url: p.url },
  expires: { at: p.expiresAt, what: 'This confirmation link' },
  footnote: 'If you did not ask for this, ignore this mail: your account keeps its current address.',
}));

import type { AccountLinkMail } from '@/lib/accounts/links';
import { defineMail } from '@/lib/mail/template';

/** To a person an admin invited (or the invoice form did): set a password to take the account up. */
export const invitationMail = defineMail('account.invitation', (p: AccountLinkMail & { inviterName: string }) => ({
  subject: `${p.inviterName} invited you`,
  greeting: `Hello ${p.name},`,
  paragraphs: [
    `${p.inviterName} created an account for you (${p.email}). Choose a password to sign in; you can then download the files and invoices meant for you.`,
  ],
  action: { label: 'Set your password', url: p.url },
  expires: { at: p.expiresAt, what: 'This invitation link' },
  footnote:
    'The link works once. If you did not expect this invitation, ignore this mail: nobody can use the account without the password you choose.',
}));

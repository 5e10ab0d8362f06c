import { defineMail } from '@/lib/mail/template';

/** The mails that carry a one-time account link (lib/accounts/links.ts); each says when it expires. */
export interface AccountLinkMail {
  name: string;
  email: string;
  url: string;
  expiresAt: Date;
}

export const invitationMail = defineMail('account.invitation', (p: AccountLinkMail & { inviterName: string }) => ({
  subject: `${p.inviterName} invited you`,
  greeting: `Hello ${p.name},`,
  paragraphs: [
    `${p.inviterName} created an account for you (${p.email}). Choose a password to sign in; you can then download the files and invoices meant for you.`,
  ],
  action: { label: 'Set your password', url: p.url },
  expires: { at: p.expiresAt, what: 'This invitation link' },
  footnote: 'The link works once. If you did not expect this invitation, ignore this mail: nobody can use the account without the password you choose.',
}));

export const passwordResetMail = defineMail('account.password-reset', (p: AccountLinkMail) => ({
  subject: 'Reset your password',
  greeting: `Hello ${p.name},`,
  paragraphs: [`Someone asked to reset the password of your account (${p.email}). Choose a new one here:`],
  action: { label: 'Choose a new password', url: p.url },
  expires: { at: p.expiresAt, what: 'This reset link' },
  footnote:
    'The link works once, and setting a new password signs you out everywhere else. If you did not ask for this, ignore this mail: your password stays as it is.',
}));

export const emailChangeMail = defineMail('account.email-change', (p: AccountLinkMail) => ({
  subject: 'Confirm your new email address',
  greeting: `Hello ${p.name},`,
  paragraphs: [`Confirm that your account should use ${p.email} from now on. Nothing changes until you do.`],
  action: { label: 'Confirm this address', url: p.url },
  expires: { at: p.expiresAt, what: 'This confirmation link' },
  footnote: 'If you did not ask for this, ignore this mail: your account keeps its current address.',
}));

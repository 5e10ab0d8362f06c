import type { AccountLinkMail } from '@/lib/accounts/links';
import { defineMail } from '@/lib/mail/template';

/** To the account's own address, from "Forgot password?" or an admin: choose a new password. */
export const passwordResetMail = defineMail('account.password-reset', (p: AccountLinkMail) => ({
  subject: 'Reset your password',
  greeting: `Hello ${p.name},`,
  paragraphs: [`Someone asked to reset the password of your account (${p.email}). Choose a new one here:`],
  action: { label: 'Choose a new password', url: p.url },
  expires: { at: p.expiresAt, what: 'This reset link' },
  footnote:
    'The link works once, and setting a new password signs you out everywhere else. If you did not ask for this, ignore this mail: your password stays as it is.',
}));

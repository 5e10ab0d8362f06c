import type { AccountLinkMail } from '@/lib/accounts/links';
import { defineMail } from '@/lib/mail/template';

/** To the account's own address, from "Email me a sign-in link" on the sign-in page. */
export const signInLinkMail = defineMail('account.sign-in-link', (p: AccountLinkMail) => ({
  subject: 'Your sign-in link',
  greeting: `Hello ${p.name},`,
  paragraphs: [`Someone asked to sign in to your account (${p.email}) with a link instead of a password. Here it is:`],
  action: { label: 'Sign in', url: p.url },
  expires: { at: p.expiresAt, what: 'This sign-in link' },
  footnote:
    'The link works once. If you did not ask for it, ignore this mail: nobody can sign in without opening the link.',
}));

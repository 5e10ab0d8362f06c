import type { MailKind } from '@/lib/mail/kinds';
import type { MailBody } from '@/lib/mail/layout';

/** One kind of mail and what it says, given its props. Templates are pure: no database, no env. */
export interface MailTemplate<Props> {
  kind: MailKind;
  body: (props: Props) => MailBody;
}

/** Declares a template (one per file in lib/mail/templates/): `defineMail('account.invitation', (p) => ({ … }))`. */
export function defineMail<Props>(kind: MailKind, body: (props: Props) => MailBody): MailTemplate<Props> {
  return { kind, body };
}

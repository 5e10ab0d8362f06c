/**
 * Every kind of mail the app sends, with the label /admin/mail shows. The list is closed, like the
 * audit vocabulary: a new mail needs a new entry here and a template in ./templates/ (one file each,
 * built with defineMail). Codes are stored with each queued mail; change a label freely, never a code.
 */
export const MAIL_KINDS = {
  'share.first-download.partner': 'First download (to the partner)',
  'share.first-download.owner': 'First download (to the share’s creator)',
  'account.invitation': 'Invitation',
  'account.password-reset': 'Password reset link',
  'account.sign-in-link': 'Sign-in link',
  'account.email-change': 'Email change confirmation',
  'share.link': 'Share link (to its recipient)',
} as const;
export type MailKind = keyof typeof MAIL_KINDS;

/** The label for a stored kind code; a code this release does not know is shown as it is. */
export function mailKindLabel(code: string): string {
  return Object.hasOwn(MAIL_KINDS, code) ? MAIL_KINDS[code as MailKind] : code;
}

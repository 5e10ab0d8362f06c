/**
 * Every word the audit log uses, in one place: what happened (actions, `<noun>.<verb>`), to what
 * (subject types) and how it ended (outcomes), each with the label /admin/audit shows. The lists
 * are closed: a new audit row needs a new entry here, so the log never holds a word nobody can read.
 * Codes are stored in the database; change a label freely, never a code (add a data migration).
 */

export const AUDIT_SUBJECTS = {
  user: 'Account',
  avatar: 'Profile photo',
  avatarUpload: 'Photo upload',
  invoice: 'Invoice',
  libraryFile: 'Library file',
  share: 'Share',
  shareRecipient: 'Share link',
  bucket: 'Bucket',
  storage: 'Storage',
  mail: 'Mail',
} as const;
export type AuditSubjectType = keyof typeof AUDIT_SUBJECTS;

export const AUDIT_OUTCOMES = { granted: 'Granted', refused: 'Refused', changed: 'Changed' } as const;
export type AuditOutcome = keyof typeof AUDIT_OUTCOMES;

/** Each action with its label and the subject type it is recorded against unless a call says otherwise. */
export const AUDIT_ACTIONS = {
  'account.setup': { label: 'First admin created (setup)', subject: 'user' },
  'account.create': { label: 'Account created (command line)', subject: 'user' },
  'account.invite': { label: 'Account invited', subject: 'user' },
  'account.invite.resend': { label: 'Invitation resent', subject: 'user' },
  'account.invite.revoke': { label: 'Invitation revoked', subject: 'user' },
  'account.role': { label: 'Role changed', subject: 'user' },
  'account.deactivate': { label: 'Account deactivated', subject: 'user' },
  'account.reactivate': { label: 'Account reactivated', subject: 'user' },
  'account.delete': { label: 'Account deleted', subject: 'user' },
  'account.name': { label: 'Name changed', subject: 'user' },
  'account.email.request': { label: 'Email change requested', subject: 'user' },
  'account.email.change': { label: 'Email changed', subject: 'user' },
  'account.password.reset-link': { label: 'Password reset link sent', subject: 'user' },
  'account.password.set': { label: 'Password set from a link', subject: 'user' },
  'account.password.change': { label: 'Password changed', subject: 'user' },
  'account.sign-in-link.send': { label: 'Sign-in link sent', subject: 'user' },
  'account.sign-in-link.use': { label: 'Signed in with an email link', subject: 'user' },
  'account.sso.sign-in': { label: 'Signed in with single sign-on', subject: 'user' },
  'account.sso.link': { label: 'Single sign-on identity linked', subject: 'user' },
  'account.sso.create': { label: 'Account created by single sign-on', subject: 'user' },
  'account.sign-out': { label: 'Signed out', subject: 'user' },
  'account.sign-out-everywhere': { label: 'Signed out everywhere', subject: 'user' },
  'avatar.upload': { label: 'Photo upload form issued', subject: 'avatarUpload' },
  'avatar.confirm': { label: 'Photo confirmed', subject: 'user' },
  'avatar.reject': { label: 'Photo rejected', subject: 'avatarUpload' },
  'avatar.remove': { label: 'Photo removed', subject: 'user' },
  'avatar.view': { label: 'Photo link issued', subject: 'avatar' },
  'avatar.cleanup': { label: 'Unconfirmed photos cleaned up', subject: 'storage' },
  'invoice.download': { label: 'Invoice downloaded', subject: 'invoice' },
  'invoice.link': { label: 'Invoice link copied', subject: 'invoice' },
  'invoice.link.follow': { label: 'Invoice link followed', subject: 'invoice' },
  'invoice.upload': { label: 'Invoice PDF upload form issued', subject: 'invoice' },
  'invoice.issue': { label: 'Invoice issued', subject: 'invoice' },
  'invoice.void': { label: 'Invoice voided', subject: 'invoice' },
  'invoice.cleanup': { label: 'Unconfirmed invoice removed', subject: 'invoice' },
  'library.upload.create': { label: 'Library upload started', subject: 'libraryFile' },
  'library.upload.sign-part': { label: 'Library upload part signed', subject: 'libraryFile' },
  'library.upload.resume': { label: 'Library upload resumed', subject: 'libraryFile' },
  'library.upload.complete': { label: 'Library upload finished', subject: 'libraryFile' },
  'library.upload.abort': { label: 'Library upload cancelled', subject: 'libraryFile' },
  'library.rename': { label: 'Library file renamed', subject: 'libraryFile' },
  'library.delete': { label: 'Library file deleted', subject: 'libraryFile' },
  'library.download': { label: 'Library file downloaded', subject: 'libraryFile' },
  'share.create': { label: 'Share created', subject: 'share' },
  'share.update': { label: 'Share edited', subject: 'share' },
  'share.revoke': { label: 'Share revoked', subject: 'share' },
  'share.recipients.add': { label: 'Share recipients added', subject: 'share' },
  'share.links.email': { label: 'Share links emailed', subject: 'share' },
  'share.recipient.revoke': { label: 'Share link revoked', subject: 'shareRecipient' },
  'share.recipient.remove': { label: 'Share recipient removed', subject: 'shareRecipient' },
  'share.raw-url': { label: 'Raw pre-signed URL issued', subject: 'libraryFile' },
  'share.open': { label: 'Share link opened', subject: 'shareRecipient' },
  'share.unlock': { label: 'Share link unlocked', subject: 'shareRecipient' },
  'share.download': { label: 'Shared file downloaded', subject: 'shareRecipient' },
  'share.preview': { label: 'Shared file previewed', subject: 'shareRecipient' },
  'share.access': { label: 'Share link refused', subject: 'shareRecipient' },
  'storage.lab': { label: 'Access-control lab run', subject: 'bucket' },
  'mail.fail': { label: 'Mail could not be sent', subject: 'mail' },
  'mail.retry': { label: 'Mail send retried', subject: 'mail' },
} as const satisfies Record<string, { label: string; subject: AuditSubjectType }>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

function known<T extends object>(table: T, code: string): code is Extract<keyof T, string> {
  return Object.hasOwn(table, code);
}

/** The label for a stored action code; a code this release does not know is shown as it is. */
export function auditActionLabel(code: string): string {
  return known(AUDIT_ACTIONS, code) ? AUDIT_ACTIONS[code].label : code;
}

export function auditSubjectLabel(code: string): string {
  return known(AUDIT_SUBJECTS, code) ? AUDIT_SUBJECTS[code] : code;
}

export function auditOutcomeLabel(code: string): string {
  return known(AUDIT_OUTCOMES, code) ? AUDIT_OUTCOMES[code] : code;
}

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, code);
}

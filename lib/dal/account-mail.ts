import 'server-only';
import type { IssuedLink } from '@/lib/dal/account-tokens';
import type { Prisma } from '@/lib/generated/prisma/client';
import { queueMail } from '@/lib/mail/queue';
import { emailChangeMail } from '@/lib/mail/templates/account-email-change';
import { invitationMail } from '@/lib/mail/templates/account-invitation';
import { passwordResetMail } from '@/lib/mail/templates/account-password-reset';

const TEMPLATES = { invitation: invitationMail, 'password-reset': passwordResetMail, 'email-change': emailChangeMail };

interface Extras {
  invitation: { inviterName: string };
  'password-reset': Record<string, never>;
  'email-change': Record<string, never>;
}

/**
 * Queues the mail that carries a freshly issued account link, in the transaction that issued it:
 * the link exists if and only if its mail is on its way.
 */
export async function sendAccountMail<Kind extends keyof Extras>(
  tx: Prisma.TransactionClient,
  kind: Kind,
  to: { name: string; email: string },
  link: IssuedLink,
  extra: Extras[Kind],
): Promise<void> {
  const props = { name: to.name, email: to.email, url: link.url, expiresAt: link.expiresAt, ...extra };
  // The kinds' props differ only by `extra`, which the signature ties to `kind`.
  await queueMail(TEMPLATES[kind] as typeof invitationMail, props as Parameters<typeof invitationMail.body>[0], {
    to: to.email,
    tx,
  });
}

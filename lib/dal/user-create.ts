import 'server-only';
import type { InviteInput } from '@/lib/accounts/input';
import { db } from '@/lib/db';
import { issueAccountLink, type IssuedLink } from '@/lib/dal/account-tokens';
import { recordAudit } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';

/**
 * `npm run users:create`: an operator at the server's shell creates an account (the first admin of a
 * new deployment, say) and gets a one-time link to set its password, printed rather than mailed, so
 * it works before mail is set up. No session: the shell is the authority, as for the cleanup tasks.
 */
export async function createUserWithLink(input: InviteInput): Promise<IssuedLink & { id: string }> {
  if (await db.user.count({ where: { email: input.email } }))
    throw new DalError(`${input.email} already has an account.`, 'email');
  const { id, link } = await db.$transaction(async (tx) => {
    const { id } = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, status: 'INVITED' },
      select: { id: true },
    });
    return { id, link: await issueAccountLink(tx, { purpose: 'PASSWORD_SET', userId: id }) };
  });
  await recordAudit({
    actorId: null,
    action: 'account.create',
    outcome: 'changed',
    subjectId: id,
    detail: { email: input.email, role: input.role, via: 'npm run users:create' },
  });
  return { id, ...link };
}

import 'server-only';
import { db } from '@/lib/db';
import { deadLinkMessage, issueAccountLink, useAccountLink } from '@/lib/dal/account-tokens';
import { auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/password';
import type { RequestContext } from '@/lib/request-context';

/**
 * The first admin of an empty deployment. While no admin exists, each server start prints a one-time
 * setup link to its log (only whoever reads the log can use it); /setup creates the admin with it.
 * Once any admin exists, /setup is gone. `npm run users:create` is the other way in.
 */

export async function needsSetup(client: Prisma.TransactionClient = db): Promise<boolean> {
  return (await client.user.count({ where: { role: 'ADMIN' } })) === 0;
}

/** At server start: a setup link when the database has no admin, else null. */
export async function issueSetupLink(): Promise<{ url: string; expiresAt: Date } | null> {
  if (!(await needsSetup())) return null;
  return db.$transaction((tx) => issueAccountLink(tx, { purpose: 'SETUP', userId: null }));
}

export async function completeSetup(
  token: string,
  input: { name: string; email: string; password: string },
  context: RequestContext,
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  const admin = await db.$transaction(async (tx) => {
    // Two setup forms sent at once (two instances each printed a link) queue here, and the second
    // finds the first's admin.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('guestpass:first-admin'))`;
    if (!(await needsSetup(tx))) throw new DalError('Guestpass already has an admin. Sign in instead.');
    const link = await useAccountLink(tx, token, ['SETUP']);
    if (!link) return null;
    const admin = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: 'ADMIN', status: 'ACTIVE' },
      select: { id: true, email: true },
    });
    // The other instances' setup links are of no use any more.
    await tx.accountToken.deleteMany({ where: { purpose: 'SETUP' } });
    return admin;
  });
  if (!admin) throw new DalError(await deadLinkMessage(token, ['SETUP']));
  await auditor(admin.id, context)('account.setup', 'changed', admin.id, { detail: { email: admin.email } });
  return { email: admin.email };
}

import 'server-only';
import { db } from '@/lib/db';
import type { InviteInput } from '@/lib/accounts/input';
import { issueAccountLink, type IssuedLink } from '@/lib/dal/account-tokens';
import { auditor, type AuditRecorder } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { countCapped, keysetArgs, type CappedCount, type KeysetCursors, type KeysetQuery } from '@/lib/dal/keyset';
import { requireAdmin, type SessionUser } from '@/lib/dal/session';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role, UserStatus } from '@/lib/generated/prisma/enums';
import { sendAccountMail } from '@/lib/dal/account-mail';
import type { RequestContext } from '@/lib/request-context';
import { avatarDisplayUrl } from '@/lib/storage/avatars';
import { deleteObjects } from '@/lib/storage/objects';

// ── Listing ──────────────────────────────────────────────────────────────────────────────────

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  lastSignInAt: Date | null;
  createdAt: Date;
  invoiceCount: number;
  fileCount: number;
  /** For invited accounts: when the live invitation (or set-password) link expires; null when none is live. */
  invitationExpiresAt: Date | null;
  /** The profile photo's display URL (reused per key for a window: avatarDisplayUrl), or null. */
  photoUrl: string | null;
}

export interface UserPage extends KeysetCursors {
  users: UserRow[];
  total: CappedCount;
}

export const STATUS_FILTERS = ['INVITED', 'ACTIVE', 'DEACTIVATED'] as const satisfies UserStatus[];

/** Accounts for /admin/users, by email, paged by keyset; `search` matches name or email, or is the id (audit log links). */
export async function listUsers(
  query: KeysetQuery & { search?: string; status?: UserStatus } = {},
  now: Date = new Date(),
): Promise<UserPage> {
  await requireAdmin();
  const search = query.search?.trim().slice(0, 200);
  const where: Prisma.UserWhereInput = {
    ...(search
      ? {
          OR: [
            { email: { contains: search, mode: 'insensitive' } },
            { name: { contains: search, mode: 'insensitive' } },
            { id: search },
          ],
        }
      : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  // 25 rows: each carries its actions and their dialogs, and a page stays under 200 KiB.
  const keyset = keysetArgs(query, 25);
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ email: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        status: true,
        lastSignInAt: true,
        createdAt: true,
        avatarKey: true,
        _count: { select: { invoices: true, libraryFiles: true } },
        accountTokens: {
          where: { purpose: { in: ['INVITATION', 'PASSWORD_SET'] }, usedAt: null, expiresAt: { gt: now } },
          select: { expiresAt: true },
          orderBy: { expiresAt: 'desc' },
          take: 1,
        },
      },
      ...keyset.find,
    }),
    countCapped((limit) => db.user.count({ where, ...limit })),
  ]);
  const { rows: page, ...cursors } = keyset.page(rows);
  return {
    users: await Promise.all(
      page.map(async ({ _count, accountTokens, avatarKey, ...user }) => ({
        ...user,
        invoiceCount: _count.invoices,
        fileCount: _count.libraryFiles,
        invitationExpiresAt: accountTokens[0]?.expiresAt ?? null,
        photoUrl: avatarKey ? (await avatarDisplayUrl(avatarKey)).url : null,
      })),
    ),
    total,
    ...cursors,
  };
}

// ── Changes ──────────────────────────────────────────────────────────────────────────────────

const NO_SUCH_USER = 'This account does not exist any more. Reload the page.';

async function target(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, status: true, passwordHash: true },
  });
  if (!user) throw new DalError(NO_SUCH_USER);
  return user;
}

/** Admins change other accounts; their own they change on /profile, so nobody locks themselves out by a slip. */
function notSelf(admin: SessionUser, userId: string, what: string) {
  if (admin.id === userId) throw new DalError(`You cannot ${what} your own account. Ask another admin.`);
}

const LAST_ADMIN =
  'This is the last active admin. Make another account an admin first, so that someone can still manage Guestpass.';

/**
 * The guard of every change that can take admin rights away (demote, deactivate, delete): the
 * change happens only if another active admin remains. One statement, because two admins demoting
 * each other at the same moment must not both succeed. Checking first and writing after would let
 * both pass. The CTE locks the active admins' rows in id order (no deadlock between two such
 * statements): the second waits for the first, then re-reads those rows and sees the first change.
 */
function keepingAnAdmin(userId: string) {
  return {
    with: Prisma.sql`WITH admins AS (
      SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "status" = 'ACTIVE' ORDER BY "id" FOR UPDATE
    )`,
    where: Prisma.sql`"id" = ${userId} AND ("role" <> 'ADMIN' OR "status" <> 'ACTIVE'
      OR EXISTS (SELECT 1 FROM admins WHERE admins."id" <> ${userId}))`,
  };
}

export async function updateKeepingAnAdmin(
  tx: Prisma.TransactionClient,
  userId: string,
  set: Prisma.Sql,
): Promise<void> {
  const guard = keepingAnAdmin(userId);
  const changed =
    await tx.$executeRaw`${guard.with} UPDATE "User" SET ${set}, "updatedAt" = now() WHERE ${guard.where}`;
  if (changed !== 1) throw new DalError(LAST_ADMIN);
}

/** Invites a person: an account waiting for its password, and a mail with a link to set it (72 h). */
export async function inviteUser(
  input: InviteInput,
  context: RequestContext,
): Promise<{ id: string; expiresAt: Date }> {
  const admin = await requireAdmin();
  return inviteAs(admin, input, auditor(admin.id, context));
}

/** The invitation itself, for DAL functions that have checked the admin (the invoice form invites too). */
export async function inviteAs(
  admin: SessionUser,
  input: InviteInput,
  audit: AuditRecorder,
): Promise<{ id: string; expiresAt: Date }> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { status: true } });
  if (existing)
    throw new DalError(
      existing.status === 'INVITED'
        ? `${input.email} is already invited. Resend the invitation from the list of users.`
        : `${input.email} already has an account.`,
      'email',
    );
  const { user, link } = await db
    .$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, status: 'INVITED' },
        select: { id: true, name: true, email: true },
      });
      const link = await issueAccountLink(tx, { purpose: 'INVITATION', userId: user.id });
      await sendAccountMail(tx, 'invitation', user, link, { inviterName: admin.name });
      return { user, link };
    })
    .catch((error: unknown) => {
      // Two invitations of one address at once: the unique email index lets one through.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        throw new DalError(`${input.email} already has an account.`, 'email');
      throw error;
    });
  await audit('account.invite', 'changed', user.id, {
    detail: { email: input.email, role: input.role, linkExpiresAt: link.expiresAt.toISOString() },
  });
  return { id: user.id, expiresAt: link.expiresAt };
}

/** A new invitation link and mail for an account still waiting for its password; the old link stops working. */
export async function resendInvitation(userId: string, context: RequestContext): Promise<IssuedLink> {
  const admin = await requireAdmin();
  const user = await target(userId);
  if (user.status !== 'INVITED')
    throw new DalError(`${user.email} has already accepted the invitation. Send a password reset link instead.`);
  const link = await db.$transaction(async (tx) => {
    const link = await issueAccountLink(tx, { purpose: 'INVITATION', userId });
    await tx.accountToken.deleteMany({ where: { userId, purpose: 'PASSWORD_SET', usedAt: null } });
    await sendAccountMail(tx, 'invitation', user, link, { inviterName: admin.name });
    return link;
  });
  await auditor(admin.id, context)('account.invite.resend', 'changed', userId, {
    detail: { email: user.email, linkExpiresAt: link.expiresAt.toISOString() },
  });
  return link;
}

/** Voids the invitation's link. The account stays, invited, until it is resent or deleted. */
export async function revokeInvitation(userId: string, context: RequestContext): Promise<{ email: string }> {
  const admin = await requireAdmin();
  const user = await target(userId);
  if (user.status !== 'INVITED') throw new DalError(`${user.email} has already accepted the invitation.`);
  const { count } = await db.accountToken.deleteMany({
    where: { userId, purpose: { in: ['INVITATION', 'PASSWORD_SET'] }, usedAt: null },
  });
  await auditor(admin.id, context)('account.invite.revoke', 'changed', userId, {
    detail: { email: user.email, linksVoided: count },
  });
  return { email: user.email };
}

export async function changeRole(userId: string, role: Role, context: RequestContext): Promise<{ email: string }> {
  const admin = await requireAdmin();
  notSelf(admin, userId, 'change the role of');
  const user = await target(userId);
  if (user.role !== role) {
    await db.$transaction((tx) => updateKeepingAnAdmin(tx, userId, Prisma.sql`"role" = ${role}::"Role"`));
    await auditor(admin.id, context)('account.role', 'changed', userId, {
      detail: { email: user.email, from: user.role, to: role },
    });
  }
  return { email: user.email };
}

/** Mails a password reset link (short-lived; see lib/accounts/links.ts) to an active account. */
export async function sendPasswordReset(
  userId: string,
  context: RequestContext,
): Promise<IssuedLink & { email: string }> {
  const admin = await requireAdmin();
  const user = await target(userId);
  if (user.status !== 'ACTIVE')
    throw new DalError(
      user.status === 'INVITED'
        ? `${user.email} has not set a password yet. Resend the invitation instead.`
        : `${user.email} is deactivated. Reactivate the account first.`,
    );
  const link = await db.$transaction(async (tx) => {
    const link = await issueAccountLink(tx, { purpose: 'PASSWORD_RESET', userId });
    await sendAccountMail(tx, 'password-reset', user, link, {});
    return link;
  });
  await auditor(admin.id, context)('account.password.reset-link', 'changed', userId, {
    detail: { email: user.email, by: 'admin', linkExpiresAt: link.expiresAt.toISOString() },
  });
  return { ...link, email: user.email };
}

/**
 * Deactivates an account at once: its sessions end at their next request (the session version
 * moves on), sign-in is refused, its unused links stop working. Its invoices, files and log stay.
 */
export async function deactivateUser(userId: string, context: RequestContext): Promise<{ email: string }> {
  const admin = await requireAdmin();
  notSelf(admin, userId, 'deactivate');
  const user = await target(userId);
  if (user.status === 'DEACTIVATED') return { email: user.email };
  await db.$transaction(async (tx) => {
    await updateKeepingAnAdmin(
      tx,
      userId,
      Prisma.sql`"status" = 'DEACTIVATED', "sessionVersion" = "sessionVersion" + 1`,
    );
    await tx.accountToken.deleteMany({ where: { userId, usedAt: null } });
  });
  await auditor(admin.id, context)('account.deactivate', 'changed', userId, {
    detail: { email: user.email, previousStatus: user.status },
  });
  return { email: user.email };
}

/** Lets a deactivated account sign in again (or, if it never set a password, wait for an invitation again). */
export async function reactivateUser(
  userId: string,
  context: RequestContext,
): Promise<{ email: string; status: UserStatus }> {
  const admin = await requireAdmin();
  const user = await target(userId);
  const status: UserStatus = user.passwordHash ? 'ACTIVE' : 'INVITED';
  const { count } = await db.user.updateMany({ where: { id: userId, status: 'DEACTIVATED' }, data: { status } });
  if (count === 1)
    await auditor(admin.id, context)('account.reactivate', 'changed', userId, {
      detail: { email: user.email, status },
    });
  return { email: user.email, status };
}

/**
 * Deletes an account that holds nothing: no invoices, no library files (those must outlive it or be
 * dealt with first). Its profile photo and any unconfirmed photo upload leave storage too.
 */
export async function deleteUser(userId: string, context: RequestContext): Promise<{ email: string }> {
  const admin = await requireAdmin();
  notSelf(admin, userId, 'delete');
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      avatarKey: true,
      avatarUploads: { select: { key: true } },
      _count: { select: { invoices: true, libraryFiles: true } },
    },
  });
  if (!user) throw new DalError(NO_SUCH_USER);
  const holdings = (counts: { invoices: number; libraryFiles: number }) =>
    counts.invoices || counts.libraryFiles
      ? new DalError(
          `${user.email} has ${counts.invoices} invoice(s) and ${counts.libraryFiles} library file(s), which must stay. Deactivate the account instead.`,
        )
      : null;
  const holds = holdings(user._count);
  if (holds) throw holds;
  const guard = keepingAnAdmin(userId);
  // The same statement re-checks "holds nothing", so an invoice issued meanwhile keeps the account.
  const deleted = await db.$executeRaw`${guard.with} DELETE FROM "User" WHERE ${guard.where}
    AND NOT EXISTS (SELECT 1 FROM "Invoice" WHERE "customerId" = ${userId})
    AND NOT EXISTS (SELECT 1 FROM "LibraryFile" WHERE "uploadedById" = ${userId})`;
  if (deleted !== 1) {
    const now = await db.user.findUnique({
      where: { id: userId },
      select: { _count: { select: { invoices: true, libraryFiles: true } } },
    });
    throw now ? (holdings(now._count) ?? new DalError(LAST_ADMIN)) : new DalError(NO_SUCH_USER);
  }
  const photos = [user.avatarKey, ...user.avatarUploads.map((u) => u.key)].filter((k): k is string => Boolean(k));
  if (photos.length) await deleteObjects(photos);
  await auditor(admin.id, context)('account.delete', 'changed', userId, {
    detail: { email: user.email, photosDeleted: photos.length },
  });
  return { email: user.email };
}

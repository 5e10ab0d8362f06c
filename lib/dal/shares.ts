import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { auditor } from '@/lib/dal/audit';
import { DalError } from '@/lib/dal/errors';
import { keysetArgs, type KeysetPage, type KeysetQuery } from '@/lib/dal/keyset';
import { requireAdmin } from '@/lib/dal/session';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ShareAccessKind } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/password';
import type { RequestContext } from '@/lib/request-context';
import type { CreateShareInput, RecipientInput, UpdateShareInput } from '@/lib/shares/input';
import { linkState, shareStatus, type LinkState, type ShareStatus } from '@/lib/shares/link-state';
import { generateShareToken, hashShareToken, looksLikeShareToken } from '@/lib/shares/token';
import { fileInActiveSharesMessage } from '@/lib/shares/wording';
import { queueMail } from '@/lib/mail/queue';
import { shareLinkMail } from '@/lib/mail/templates/share-link';

/**
 * The admin side of share links: creating, listing, editing and revoking shares and their
 * recipients (raw pre-signed URLs are in share-raw-urls.ts, the partner side in share-access.ts).
 * Every function checks for an admin itself; results are plain DTOs
 * (never a password hash or a token hash). Tokens exist only in the return value of the call that
 * created them: the admin sees each link once.
 */

export interface ShareableFile {
  id: string;
  name: string;
  sizeBytes: number;
  contentType: string;
}

/** How many files the picker lists at a time; more are found by searching their names. */
export const SHAREABLE_PAGE = 100;

/** READY library files an admin may put in a share, newest first, optionally those whose name contains `search`. */
export async function shareableFiles(search = ''): Promise<ShareableFile[]> {
  await requireAdmin();
  const needle = search.trim();
  const rows = await db.libraryFile.findMany({
    where: {
      status: 'READY',
      scope: 'ADMIN',
      ...(needle ? { name: { contains: needle, mode: 'insensitive' as const } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SHAREABLE_PAGE,
    select: { id: true, name: true, sizeBytes: true, contentType: true },
  });
  return rows.map((f) => ({ ...f, sizeBytes: Number(f.sizeBytes) }));
}

export interface IssuedLink {
  recipientId: string;
  name: string;
  email: string;
  /** The full link with its token: shown once, never stored. */
  url: string;
}

function linkUrl(token: string): string {
  return `${env.APP_URL}/s/${token}`;
}

function newRecipients(recipients: RecipientInput[]) {
  return recipients.map((r) => {
    const token = generateShareToken();
    return { token, data: { name: r.name, email: r.email, tokenHash: hashShareToken(token) } };
  });
}

async function readyFileIds(fileIds: string[]): Promise<string[]> {
  const unique = [...new Set(fileIds)];
  const found = await db.libraryFile.findMany({
    where: { id: { in: unique }, status: 'READY', scope: 'ADMIN' },
    select: { id: true },
  });
  if (found.length !== unique.length)
    throw new DalError('Some of the chosen files are no longer available. Reload the page and choose again.');
  return unique;
}

export interface CreatedShare {
  shareId: string;
  links: IssuedLink[];
}

export async function createShare(input: CreateShareInput, context?: RequestContext): Promise<CreatedShare> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  const fileIds = await readyFileIds(input.fileIds);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const recipients = newRecipients(input.recipients);
  const share = await db.share.create({
    data: {
      title: input.title,
      message: input.message,
      expiresAt: input.expiresAt,
      passwordHash,
      maxDownloads: input.maxDownloads,
      createdById: admin.id,
      files: { create: fileIds.map((fileId) => ({ fileId })) },
      recipients: { create: recipients.map((r) => r.data) },
    },
    select: { id: true, recipients: { select: { id: true, tokenHash: true } } },
  });
  const idByHash = new Map(share.recipients.map((r) => [r.tokenHash, r.id]));
  const links = recipients.map((r) => ({
    recipientId: idByHash.get(r.data.tokenHash)!,
    name: r.data.name,
    email: r.data.email,
    url: linkUrl(r.token),
  }));
  await audit('share.create', 'changed', share.id, {
    detail: {
      title: input.title,
      expiresAt: input.expiresAt.toISOString(),
      password: passwordHash !== null,
      maxDownloads: input.maxDownloads,
      fileIds,
      recipientIds: links.map((l) => l.recipientId),
    },
  });
  return { shareId: share.id, links };
}

export interface ShareSummary {
  id: string;
  title: string;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  status: ShareStatus;
  fileCount: number;
  recipientCount: number;
  downloads: number;
  hasPassword: boolean;
}

export interface ShareFilters {
  state?: ShareStatus;
  /** Part of the title, or of a recipient's name or email. */
  q?: string;
}

/** The Prisma condition for one state: the same rules as shareStatus(), evaluated by the database. */
function stateWhere(state: ShareStatus, now: Date): Prisma.ShareWhereInput {
  if (state === 'revoked') return { revokedAt: { not: null } };
  return { revokedAt: null, expiresAt: state === 'active' ? { gt: now } : { lte: now } };
}

/** One page of shares, newest first, narrowed by `filters`. */
export async function listShares(query: ShareFilters & KeysetQuery = {}): Promise<KeysetPage<ShareSummary>> {
  await requireAdmin();
  const keyset = keysetArgs(query);
  const contains = query.q ? { contains: query.q, mode: 'insensitive' as const } : undefined;
  const rows = await db.share.findMany({
    where: {
      ...(query.state ? stateWhere(query.state, new Date()) : {}),
      ...(contains
        ? {
            OR: [{ title: contains }, { recipients: { some: { OR: [{ name: contains }, { email: contains }] } } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    ...keyset.find,
    select: {
      id: true,
      title: true,
      expiresAt: true,
      createdAt: true,
      revokedAt: true,
      passwordHash: true,
      _count: { select: { files: true, recipients: true } },
    },
  });
  const { rows: page, ...cursors } = keyset.page(rows);
  // One sum per share of the page, not every recipient row of it.
  const sums = await db.shareRecipient.groupBy({
    by: ['shareId'],
    where: { shareId: { in: page.map((s) => s.id) } },
    _sum: { downloadCount: true },
  });
  const downloads = new Map(sums.map((sum) => [sum.shareId, sum._sum.downloadCount ?? 0]));
  const summaries = page.map((s) => ({
    id: s.id,
    title: s.title,
    expiresAt: s.expiresAt,
    revokedAt: s.revokedAt,
    createdAt: s.createdAt,
    status: shareStatus(s),
    fileCount: s._count.files,
    recipientCount: s._count.recipients,
    downloads: downloads.get(s.id) ?? 0,
    hasPassword: s.passwordHash !== null,
  }));
  return { rows: summaries, ...cursors };
}

export interface RecipientDetail {
  id: string;
  name: string;
  email: string;
  state: LinkState;
  revokedAt: Date | null;
  openedAt: Date | null;
  lastAccessAt: Date | null;
  lastIp: string | null;
  downloadCount: number;
  previewCount: number;
  createdAt: Date;
}

export interface ShareDetail {
  id: string;
  title: string;
  message: string;
  expiresAt: Date;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
  status: ShareStatus;
  hasPassword: boolean;
  maxDownloads: number | null;
  files: ShareableFile[];
  recipientCount: number;
}

const recipientSelect = {
  id: true,
  name: true,
  email: true,
  revokedAt: true,
  openedAt: true,
  lastAccessAt: true,
  lastIp: true,
  downloadCount: true,
  previewCount: true,
  createdAt: true,
} satisfies Prisma.ShareRecipientSelect;

export async function getShare(shareId: string): Promise<ShareDetail | null> {
  await requireAdmin();
  const share = await db.share.findUnique({
    where: { id: shareId },
    select: {
      id: true,
      title: true,
      message: true,
      expiresAt: true,
      createdAt: true,
      revokedAt: true,
      passwordHash: true,
      maxDownloads: true,
      createdBy: { select: { name: true } },
      files: {
        orderBy: { addedAt: 'asc' },
        select: { file: { select: { id: true, name: true, sizeBytes: true, contentType: true } } },
      },
      _count: { select: { recipients: true } },
    },
  });
  if (!share) return null;
  return {
    id: share.id,
    title: share.title,
    message: share.message,
    expiresAt: share.expiresAt,
    createdAt: share.createdAt,
    createdBy: share.createdBy?.name ?? null,
    revokedAt: share.revokedAt,
    status: shareStatus(share),
    hasPassword: share.passwordHash !== null,
    maxDownloads: share.maxDownloads,
    files: share.files.map(({ file }) => ({ ...file, sizeBytes: Number(file.sizeBytes) })),
    recipientCount: share._count.recipients,
  };
}

export interface AccessLogEntry {
  id: string;
  kind: ShareAccessKind;
  reason: string | null;
  fileName: string | null;
  urlExpiresAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
}

type ShareTerms = Pick<ShareDetail, 'revokedAt' | 'expiresAt' | 'maxDownloads'>;

function recipientDetail(share: ShareTerms, r: Prisma.ShareRecipientGetPayload<{ select: typeof recipientSelect }>) {
  return {
    ...r,
    state: linkState({
      shareRevokedAt: share.revokedAt,
      recipientRevokedAt: r.revokedAt,
      expiresAt: share.expiresAt,
      maxDownloads: share.maxDownloads,
      downloadCount: r.downloadCount,
    }),
  };
}

/** One page of a share's recipients, oldest first (the order they were added in). */
export async function listShareRecipients(
  share: ShareTerms & { id: string },
  query: KeysetQuery = {},
): Promise<KeysetPage<RecipientDetail>> {
  await requireAdmin();
  // 25 rows: each carries its revoke and remove confirmations, and a page stays under 200 KiB.
  const keyset = keysetArgs(query, 25);
  const rows = await db.shareRecipient.findMany({
    where: { shareId: share.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    ...keyset.find,
    select: recipientSelect,
  });
  const { rows: page, ...cursors } = keyset.page(rows);
  return { rows: page.map((r) => recipientDetail(share, r)), ...cursors };
}

/** One recipient's link with one page of its access log, newest first. */
export async function getRecipientLog(
  shareId: string,
  recipientId: string,
  query: KeysetQuery = {},
): Promise<{
  share: { id: string; title: string };
  recipient: RecipientDetail;
  log: KeysetPage<AccessLogEntry>;
} | null> {
  const share = await getShare(shareId);
  const recipient =
    share && (await db.shareRecipient.findFirst({ where: { id: recipientId, shareId }, select: recipientSelect }));
  if (!share || !recipient) return null;
  const keyset = keysetArgs(query);
  const rows = await db.shareAccessLog.findMany({
    where: { recipientId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    ...keyset.find,
    select: {
      id: true,
      kind: true,
      reason: true,
      fileName: true,
      urlExpiresAt: true,
      ip: true,
      userAgent: true,
      createdAt: true,
    },
  });
  return {
    share: { id: share.id, title: share.title },
    recipient: recipientDetail(share, recipient),
    log: keyset.page(rows),
  };
}

async function existingShare(shareId: string) {
  const share = await db.share.findUnique({
    where: { id: shareId },
    select: { id: true, revokedAt: true, passwordHash: true },
  });
  if (!share) throw new DalError('This share no longer exists.');
  return share;
}

/** Edits what a share offers and on which terms; recipients keep their links and counts. */
export async function updateShare(shareId: string, input: UpdateShareInput, context?: RequestContext): Promise<void> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  const share = await existingShare(shareId);
  if (share.revokedAt) throw new DalError('This share has been revoked; create a new one instead.');
  const fileIds = await readyFileIds(input.fileIds);
  const passwordHash =
    input.passwordMode === 'set'
      ? await hashPassword(input.password)
      : input.passwordMode === 'remove'
        ? null
        : share.passwordHash;
  await db.$transaction([
    db.share.update({
      where: { id: shareId },
      data: {
        title: input.title,
        message: input.message,
        expiresAt: input.expiresAt,
        maxDownloads: input.maxDownloads,
        passwordHash,
      },
    }),
    db.shareFile.deleteMany({ where: { shareId, fileId: { notIn: fileIds } } }),
    db.shareFile.createMany({ data: fileIds.map((fileId) => ({ shareId, fileId })), skipDuplicates: true }),
  ]);
  await audit('share.update', 'changed', shareId, {
    detail: {
      title: input.title,
      expiresAt: input.expiresAt.toISOString(),
      password: input.passwordMode,
      maxDownloads: input.maxDownloads,
      fileIds,
    },
  });
}

export async function addRecipients(
  shareId: string,
  recipients: RecipientInput[],
  context?: RequestContext,
): Promise<IssuedLink[]> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  const share = await existingShare(shareId);
  if (share.revokedAt) throw new DalError('This share has been revoked; create a new one instead.');
  const created = newRecipients(recipients);
  const links: IssuedLink[] = [];
  for (const r of created) {
    const row = await db.shareRecipient.create({ data: { ...r.data, shareId }, select: { id: true } });
    links.push({ recipientId: row.id, name: r.data.name, email: r.data.email, url: linkUrl(r.token) });
  }
  await audit('share.recipients.add', 'changed', shareId, {
    detail: { recipientIds: links.map((l) => l.recipientId) },
  });
  return links;
}

/** Revokes the whole share: every link stops at its next request. */
export async function revokeShare(shareId: string, context?: RequestContext): Promise<void> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  await existingShare(shareId);
  const { count } = await db.share.updateMany({
    where: { id: shareId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await audit('share.revoke', 'changed', shareId, { detail: { alreadyRevoked: count === 0 } });
}

async function recipientOf(shareId: string, recipientId: string) {
  const recipient = await db.shareRecipient.findFirst({
    where: { id: recipientId, shareId },
    select: { id: true, name: true, email: true },
  });
  if (!recipient) throw new DalError('This recipient is no longer on the share.');
  return recipient;
}

/** Revokes one recipient's link; the others keep working. The link and its log stay for the record. */
export async function revokeRecipient(shareId: string, recipientId: string, context?: RequestContext): Promise<void> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  await recipientOf(shareId, recipientId);
  const { count } = await db.shareRecipient.updateMany({
    where: { id: recipientId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await audit('share.recipient.revoke', 'changed', recipientId, { detail: { shareId, alreadyRevoked: count === 0 } });
}

/** Removes a recipient and its access log from the share (the audit log keeps the history). */
export async function removeRecipient(shareId: string, recipientId: string, context?: RequestContext): Promise<void> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  const recipient = await recipientOf(shareId, recipientId);
  await db.shareRecipient.delete({ where: { id: recipientId } });
  await audit('share.recipient.remove', 'changed', recipientId, {
    detail: { shareId, name: recipient.name, email: recipient.email },
  });
}

export interface ActiveShareRef {
  id: string;
  title: string;
  expiresAt: Date;
}

/**
 * Shares that still offer this file (not revoked, not expired). For the file library's delete
 * check: a file in an active share must not vanish under a partner's link.
 */
export async function activeSharesForFile(fileId: string): Promise<ActiveShareRef[]> {
  await requireAdmin();
  return db.share.findMany({
    where: { revokedAt: null, expiresAt: { gt: new Date() }, files: { some: { fileId } } },
    orderBy: { expiresAt: 'asc' },
    select: { id: true, title: true, expiresAt: true },
  });
}

/** For the library's delete: why this file must stay (it is in an active share), or null. */
export async function shareDeletionBlocker(fileId: string): Promise<string | null> {
  const active = await activeSharesForFile(fileId);
  return active.length === 0 ? null : fileInActiveSharesMessage(active.map((share) => share.title));
}

export interface LinkToEmail {
  recipientId: string;
  /** The link as the admin's page holds it (the database keeps only its token's hash). */
  url: string;
}

export interface EmailedLinks {
  queued: number;
  /** Recipients whose link had been emailed already: each gets one mail, however often this runs. */
  alreadySent: number;
}

/**
 * Mails each recipient their own link: one mail per recipient, never a shared list, with the share's
 * title, message, sender and expiry. Links exist only on the admin's page right after they are
 * issued, so the page sends them back; each must carry the token whose hash the recipient row holds
 * (a link cannot be redirected to another person or share), and the mail is built from that token,
 * never from the URL as sent. Queued once per recipient (a dedupe key), in one transaction.
 */
export async function emailShareLinks(
  shareId: string,
  links: LinkToEmail[],
  context?: RequestContext,
): Promise<EmailedLinks> {
  const admin = await requireAdmin();
  const share = await db.share.findUnique({
    where: { id: shareId },
    select: {
      id: true,
      title: true,
      message: true,
      expiresAt: true,
      revokedAt: true,
      passwordHash: true,
      createdBy: { select: { name: true } },
      recipients: {
        where: { id: { in: links.map((l) => l.recipientId) } },
        select: { id: true, name: true, email: true, tokenHash: true, revokedAt: true },
      },
    },
  });
  if (!share) throw new DalError('This share no longer exists.');
  if (shareStatus(share) !== 'active') throw new DalError('This share has ended: its links would not open any more.');
  const recipients = new Map(share.recipients.map((r) => [r.id, r]));
  const mails = links.map((link) => {
    const recipient = recipients.get(link.recipientId);
    const token = tokenInLink(link.url);
    if (!recipient || !token || hashShareToken(token) !== recipient.tokenHash)
      throw new DalError('These links do not belong to this share. Open the share and add the recipients again.');
    if (recipient.revokedAt) throw new DalError(`${recipient.name}’s link has been revoked, so it was not sent.`);
    return { recipient, url: linkUrl(token) };
  });
  const queued = await db.$transaction(async (tx) => {
    let count = 0;
    for (const { recipient, url } of mails) {
      const id = await queueMail(
        shareLinkMail,
        {
          recipientName: recipient.name,
          senderName: share.createdBy?.name ?? null,
          appName: env.APP_NAME,
          shareTitle: share.title,
          message: share.message,
          url,
          expiresAt: share.expiresAt,
          hasPassword: share.passwordHash !== null,
        },
        { to: recipient.email, tx, dedupeKey: `share.link:${recipient.id}` },
      );
      if (id) count++;
    }
    return count;
  });
  await auditor(admin.id, context)('share.links.email', 'changed', share.id, {
    detail: { recipientIds: mails.map((m) => m.recipient.id), queued },
  });
  return { queued, alreadySent: mails.length - queued };
}

/** The token at the end of a link this app issued (…/s/<token>), or null. */
function tokenInLink(url: string): string | null {
  const token = url.split('/s/').at(-1) ?? '';
  return looksLikeShareToken(token) ? token : null;
}

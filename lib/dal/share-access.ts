import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { auditCode, auditInsertSql, auditor } from '@/lib/dal/audit';
import { Prisma } from '@/lib/generated/prisma/client';
import type { AuditAction } from '@/lib/audit-vocabulary';
import type { ShareAccessKind } from '@/lib/generated/prisma/enums';
import { verifyPassword } from '@/lib/password';
import type { RequestContext } from '@/lib/request-context';
import { linkState, type DeadReason } from '@/lib/shares/link-state';
import { hashShareToken } from '@/lib/shares/token';
import {
  signUnlockCookie,
  unlockCookieMatchesSql,
  unlockCookiePath,
  verifyUnlockCookie,
} from '@/lib/shares/unlock-cookie';
import { unlockVerdict } from '@/lib/shares/unlock-throttle';
import { presignGet, urlLifetime } from '@/lib/storage/presign';
import { ttlSeconds } from '@/lib/storage/ttl';
import { queueMail } from '@/lib/mail/queue';
import { firstDownloadOwnerMail, firstDownloadPartnerMail } from '@/lib/mail/templates/share-first-download';
import { previewKind } from '@/lib/files/file-kind';

/**
 * The partner side of share links: no session, only the token in the path (and, for shares with a
 * password, the signed unlock cookie). Each call looks the link up afresh, so revocation, expiry,
 * a changed password or an exhausted limit take effect on the very next request. Everything lands
 * in the share's access log and in the audit log (actorId null: partners have no account).
 */

const recipientSelect = {
  id: true,
  name: true,
  revokedAt: true,
  downloadCount: true,
  share: {
    select: {
      id: true,
      title: true,
      message: true,
      expiresAt: true,
      passwordHash: true,
      maxDownloads: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  },
} as const;

async function findRecipient(token: string) {
  // Every token is hashed and looked up, well-formed or not: an unknown token costs what a known one does.
  return db.shareRecipient.findUnique({ where: { tokenHash: hashShareToken(token) }, select: recipientSelect });
}
type RecipientRow = NonNullable<Awaited<ReturnType<typeof findRecipient>>>;

function stateOf(recipient: RecipientRow, now = new Date()) {
  return linkState(
    {
      shareRevokedAt: recipient.share.revokedAt,
      recipientRevokedAt: recipient.revokedAt,
      expiresAt: recipient.share.expiresAt,
      maxDownloads: recipient.share.maxDownloads,
      downloadCount: recipient.downloadCount,
    },
    now,
  );
}

interface LogEntry {
  kind: ShareAccessKind;
  reason?: string;
  file?: { id: string; name: string } | null;
  urlExpiresAt?: Date | null;
}

async function logAccess(recipient: RecipientRow, entry: LogEntry, context: RequestContext): Promise<void> {
  await db.shareAccessLog.create({
    data: {
      recipientId: recipient.id,
      kind: entry.kind,
      reason: entry.reason ?? null,
      fileId: entry.file?.id ?? null,
      fileName: entry.file?.name ?? null,
      urlExpiresAt: entry.urlExpiresAt ?? null,
      ip: context.ip,
      userAgent: context.userAgent,
    },
  });
  const { action, outcome } = AUDIT[entry.kind];
  const detail = {
    shareId: recipient.share.id,
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.file ? { fileId: entry.file.id } : {}),
  };
  await auditor(null, context)(action, outcome, recipient.id, { urlExpiresAt: entry.urlExpiresAt, detail });
}

const AUDIT = {
  OPEN: { action: 'share.open', outcome: 'granted' },
  UNLOCK: { action: 'share.unlock', outcome: 'granted' },
  UNLOCK_FAILED: { action: 'share.unlock', outcome: 'refused' },
  DOWNLOAD: { action: 'share.download', outcome: 'granted' },
  PREVIEW: { action: 'share.preview', outcome: 'granted' },
  REFUSED: { action: 'share.access', outcome: 'refused' },
} as const satisfies Record<ShareAccessKind, { action: AuditAction; outcome: 'granted' | 'refused' }>;

type ResolvedLink =
  { outcome: 'not-found' } | { outcome: 'dead'; reason: DeadReason } | { outcome: 'live'; recipient: RecipientRow };

/**
 * What every partner request starts with: the link behind the token, and whether it still works.
 * An unknown token and a dead link are recorded (as `action`, refused) before the caller answers.
 */
async function resolveLink(
  token: string,
  action: AuditAction,
  context: RequestContext,
  now = new Date(),
): Promise<ResolvedLink> {
  const recipient = await findRecipient(token);
  if (!recipient) {
    await auditor(null, context)(action, 'refused', null, { detail: { reason: 'unknown token' } });
    return { outcome: 'not-found' };
  }
  const state = stateOf(recipient, now);
  if (!state.live) {
    await logAccess(recipient, { kind: 'REFUSED', reason: state.reason }, context);
    return { outcome: 'dead', reason: state.reason };
  }
  return { outcome: 'live', recipient };
}

/** `cookies`: every unlock cookie the browser sent for this path (normally one). */
function isUnlocked(recipient: RecipientRow, cookies: readonly string[]): boolean {
  const passwordHash = recipient.share.passwordHash;
  if (passwordHash === null) return true;
  return cookies.some((value) =>
    verifyUnlockCookie(value, { recipientId: recipient.id, passwordHash }, env.AUTH_SECRET),
  );
}

export interface PartnerFile {
  id: string;
  name: string;
  sizeBytes: number;
  contentType: string;
}

/**
 * What the partner page shows. Behind a password, nothing about the share is shown until it is
 * unlocked (a leaked link without the password reveals no title, message or file names).
 */
export type PartnerShareView =
  | { unlocked: false; expiresAt: Date }
  | {
      unlocked: true;
      title: string;
      message: string;
      recipientName: string;
      /** The admin who created the share; null once their account is gone. */
      senderName: string | null;
      expiresAt: Date;
      files: PartnerFile[];
      totalBytes: number;
      maxDownloads: number | null;
      downloadCount: number;
    };

export type OpenOutcome =
  { outcome: 'not-found' } | { outcome: 'dead'; reason: DeadReason } | { outcome: 'live'; view: PartnerShareView };

/** For the partner page: what the link shows now. Marks the link opened on first use. */
export async function openShareLink(
  token: string,
  unlockCookies: readonly string[],
  context: RequestContext,
): Promise<OpenOutcome> {
  const now = new Date();
  const link = await resolveLink(token, 'share.open', context, now);
  if (link.outcome !== 'live') return link;
  const { recipient } = link;
  const unlocked = isUnlocked(recipient, unlockCookies);
  await db.shareRecipient.update({ where: { id: recipient.id }, data: { lastAccessAt: now, lastIp: context.ip } });
  await db.shareRecipient.updateMany({ where: { id: recipient.id, openedAt: null }, data: { openedAt: now } });
  await logAccess(recipient, { kind: 'OPEN' }, context);
  if (!unlocked) return { outcome: 'live', view: { unlocked: false, expiresAt: recipient.share.expiresAt } };
  const files = (
    await db.libraryFile.findMany({
      where: { status: 'READY', shareFiles: { some: { shareId: recipient.share.id } } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, sizeBytes: true, contentType: true },
    })
  ).map((f) => ({ ...f, sizeBytes: Number(f.sizeBytes) }));
  return {
    outcome: 'live',
    view: {
      unlocked: true,
      title: recipient.share.title,
      message: recipient.share.message,
      recipientName: recipient.name,
      senderName: recipient.share.createdBy?.name ?? null,
      expiresAt: recipient.share.expiresAt,
      files,
      totalBytes: files.reduce((sum, f) => sum + f.sizeBytes, 0),
      maxDownloads: recipient.share.maxDownloads,
      downloadCount: recipient.downloadCount,
    },
  };
}

export interface UnlockCookie {
  value: string;
  path: string;
  expires: Date;
}

export type UnlockOutcome =
  | { outcome: 'not-found' }
  | { outcome: 'dead'; reason: DeadReason }
  | { outcome: 'throttled'; retryAt: Date }
  | { outcome: 'wrong-password' }
  | { outcome: 'unlocked'; cookie: UnlockCookie | null };

/**
 * Checks a share's password for one link. Attempts on one link are serialised (a row lock on the
 * recipient), so parallel guesses cannot slip past the failure limit; the failures counted are the
 * UNLOCK_FAILED rows of the access log since the last successful unlock inside the window.
 */
export async function unlockShareLink(
  token: string,
  password: string,
  context: RequestContext,
): Promise<UnlockOutcome> {
  const link = await resolveLink(token, 'share.unlock', context);
  if (link.outcome !== 'live') return link;
  const { recipient } = link;
  const passwordHash = recipient.share.passwordHash;
  if (passwordHash === null) return { outcome: 'unlocked', cookie: null };

  const policy = { maxFailures: env.SHARE_UNLOCK_MAX_FAILURES, windowMs: env.SHARE_UNLOCK_WINDOW_MINUTES * 60_000 };
  const attempt = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "ShareRecipient" WHERE "id" = ${recipient.id} FOR UPDATE`;
      const now = new Date();
      const since = new Date(now.getTime() - policy.windowMs);
      const lastUnlock = await tx.shareAccessLog.findFirst({
        where: { recipientId: recipient.id, kind: 'UNLOCK', createdAt: { gte: since } },
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true },
      });
      const failures = await tx.shareAccessLog.findMany({
        where: { recipientId: recipient.id, kind: 'UNLOCK_FAILED', createdAt: { gte: lastUnlock?.createdAt ?? since } },
        orderBy: { createdAt: 'desc' },
        take: policy.maxFailures,
        select: { createdAt: true },
      });
      const verdict = unlockVerdict(
        failures.map((f) => f.createdAt),
        policy,
        now,
      );
      if (verdict.blocked) return { outcome: 'throttled', retryAt: verdict.retryAt } as const;
      const ok = await verifyPassword(passwordHash, password);
      // Written inside the lock, so the next attempt counts it.
      await tx.shareAccessLog.create({
        data: {
          recipientId: recipient.id,
          kind: ok ? 'UNLOCK' : 'UNLOCK_FAILED',
          ip: context.ip,
          userAgent: context.userAgent,
        },
      });
      return ok ? ({ outcome: 'unlocked' } as const) : ({ outcome: 'wrong-password' } as const);
    },
    { timeout: 20_000, maxWait: 20_000 },
  );

  const audit = auditor(null, context);
  const shareId = recipient.share.id;
  if (attempt.outcome === 'throttled') {
    await db.shareAccessLog.create({
      data: {
        recipientId: recipient.id,
        kind: 'REFUSED',
        reason: 'unlock throttled',
        ip: context.ip,
        userAgent: context.userAgent,
      },
    });
    await audit('share.unlock', 'refused', recipient.id, { detail: { shareId, reason: 'throttled' } });
    return attempt;
  }
  if (attempt.outcome === 'wrong-password') {
    await audit('share.unlock', 'refused', recipient.id, { detail: { shareId, reason: 'wrong password' } });
    return attempt;
  }
  await audit('share.unlock', 'granted', recipient.id, { detail: { shareId } });
  const cap = Date.now() + env.SHARE_UNLOCK_HOURS * 3_600_000;
  const expires = new Date(Math.min(cap, recipient.share.expiresAt.getTime()));
  return {
    outcome: 'unlocked',
    cookie: {
      value: signUnlockCookie({ recipientId: recipient.id, passwordHash }, expires, env.AUTH_SECRET),
      path: unlockCookiePath(token),
      expires,
    },
  };
}

/**
 * What a click on a file (download or preview) starts with: a live link, unlocked, and a ready file
 * its share offers. Each refusal is recorded before the caller answers.
 */
async function openSharedFile(token: string, fileId: string, action: AuditAction, options: FileClickOptions) {
  const { context } = options;
  const link = await resolveLink(token, action, context);
  if (link.outcome !== 'live') return link;
  const { recipient } = link;
  if (!isUnlocked(recipient, options.unlockCookies)) {
    await logAccess(recipient, { kind: 'REFUSED', reason: 'locked' }, context);
    return { outcome: 'locked' } as const;
  }
  const file = await db.libraryFile.findFirst({
    where: { id: fileId, status: 'READY', shareFiles: { some: { shareId: recipient.share.id } } },
    select: { id: true, name: true, contentType: true, objectKey: true },
  });
  if (!file) {
    await logAccess(recipient, { kind: 'REFUSED', reason: 'file not in share' }, context);
    return { outcome: 'not-found' } as const;
  }
  return { outcome: 'live', recipient, file } as const;
}

/**
 * Counts one use of a live link (a download, or a preview) and returns the new count, or null when
 * the link is no longer live. The one statement that decides: it re-reads revocation, expiry and the
 * download count under the row lock, so a limit holds under any concurrency. Previews count apart
 * and never use up the limit, but a link whose downloads are used up shows nothing any more.
 */
async function countUse(
  tx: Prisma.TransactionClient,
  recipientId: string,
  counter: 'downloadCount' | 'previewCount',
  now: Date,
  context: RequestContext,
): Promise<number | null> {
  const column = Prisma.raw(`"${counter}"`);
  const counted = await tx.$queryRaw<{ count: number }[]>`
    UPDATE "ShareRecipient" AS r
    SET ${column} = r.${column} + 1, "lastAccessAt" = ${now}, "lastIp" = ${context.ip}
    FROM "Share" AS s
    WHERE r."id" = ${recipientId} AND s."id" = r."shareId"
      AND r."revokedAt" IS NULL AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}
      AND (s."maxDownloads" IS NULL OR r."downloadCount" < s."maxDownloads")
    RETURNING r.${column} AS "count"`;
  return counted[0]?.count ?? null;
}

/** Why a conditional count matched no row: the link died (or was used up) after it was first read. */
async function reasonLinkDied(token: string, now: Date): Promise<DeadReason> {
  const fresh = await findRecipient(token);
  const freshState = fresh ? stateOf(fresh, now) : ({ live: false, reason: 'revoked' } as const);
  return freshState.live ? 'exhausted' : freshState.reason;
}

export type FileClickOutcome =
  | { outcome: 'not-found' }
  | { outcome: 'dead'; reason: DeadReason }
  | { outcome: 'locked' }
  | { outcome: 'granted'; url: string; expiresAt: Date };

export interface FileClickOptions {
  unlockCookies: readonly string[];
  context: RequestContext;
  /** A shorter URL lifetime than the shareClick policy's (tests). */
  ttlSeconds?: number;
}

/** Why a click was refused, as the access log says it. */
type ClickVerdict = DeadReason | 'locked' | 'file not in share';

interface ClickRow {
  verdict: ClickVerdict | 'granted' | 'retry' | 'first' | null;
  recipientId: string | null;
  downloadCount: number | null;
  objectKey: string | null;
  fileName: string | null;
  contentType: string | null;
}

/**
 * The statement behind clickShareFile. `firstAllowed: false` leaves a link's first download
 * undecided (verdict 'first', nothing written), for the caller to run again in a transaction that
 * also queues the first-download mails.
 */
function clickStatement(
  token: string,
  fileId: string,
  { unlockCookies, context }: FileClickOptions,
  { now, expiresAt, firstAllowed }: { now: Date; expiresAt: Date; firstAllowed: boolean },
): Prisma.Sql {
  const unlocked = unlockCookieMatchesSql(
    unlockCookies,
    { recipientId: Prisma.sql`l."recipientId"`, passwordHash: Prisma.sql`l."passwordHash"` },
    env.AUTH_SECRET,
    now,
  );
  return Prisma.sql`
    WITH link AS (
      SELECT r."id" AS "recipientId", r."shareId", r."downloadCount", r."revokedAt", s."revokedAt" AS "shareRevokedAt",
        s."expiresAt", s."maxDownloads", s."passwordHash"
      FROM "ShareRecipient" r JOIN "Share" s ON s."id" = r."shareId"
      WHERE r."tokenHash" = ${hashShareToken(token)}
    ), file AS (
      SELECT f."id", f."name", f."contentType", f."objectKey"
      FROM "LibraryFile" f JOIN "ShareFile" sf ON sf."fileId" = f."id" JOIN link ON sf."shareId" = link."shareId"
      WHERE f."id" = ${fileId} AND f."status" = 'READY'
    ), checked AS (
      SELECT l.*, f."id" AS "fileId", f."name" AS "fileName", f."contentType", f."objectKey",
        CASE
          WHEN l."revokedAt" IS NOT NULL OR l."shareRevokedAt" IS NOT NULL THEN 'revoked'
          WHEN l."expiresAt" <= ${now} THEN 'expired'
          WHEN l."passwordHash" IS NOT NULL AND NOT ${unlocked} THEN 'locked'
          WHEN f."id" IS NULL THEN 'file not in share'
          WHEN EXISTS (
            SELECT 1 FROM "ShareAccessLog" a
            WHERE a."recipientId" = l."recipientId" AND a."kind" = 'DOWNLOAD' AND a."fileId" = f."id"
              AND a."reason" IS NULL AND a."urlExpiresAt" > ${now}
              -- Such a URL was issued within one shareClick lifetime: the bound walks the index.
              AND a."createdAt" > ${new Date(now.getTime() - ttlSeconds('shareClick') * 1000)}
          ) THEN 'retry'
          WHEN l."maxDownloads" IS NOT NULL AND l."downloadCount" >= l."maxDownloads" THEN 'exhausted'
          WHEN l."downloadCount" = 0 AND NOT ${firstAllowed} THEN 'first'
          ELSE 'count'
        END AS "check"
      FROM link l LEFT JOIN file f ON true
    ), counted AS (
      UPDATE "ShareRecipient" AS r
      SET "downloadCount" = r."downloadCount" + 1, "lastAccessAt" = ${now}, "lastIp" = ${context.ip}
      FROM checked c, "Share" AS s
      WHERE c."check" = 'count' AND r."id" = c."recipientId" AND s."id" = r."shareId"
        AND r."revokedAt" IS NULL AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}
        AND (s."maxDownloads" IS NULL OR r."downloadCount" < s."maxDownloads")
      RETURNING r."downloadCount"
    ), decided AS (
      -- A click that lost the race for the last download finds no row to count. Its share has a
      -- limit, or it was revoked or expired in that instant; the limit is by far the likelier.
      SELECT c.*, n."downloadCount" AS "countedAs",
        CASE WHEN c."check" <> 'count' THEN c."check"
             WHEN n."downloadCount" IS NOT NULL THEN 'granted'
             WHEN c."maxDownloads" IS NOT NULL THEN 'exhausted'
             ELSE 'revoked' END AS "verdict"
      FROM checked c LEFT JOIN counted n ON true
    ), access_log AS (
      INSERT INTO "ShareAccessLog" ("id", "recipientId", "kind", "reason", "fileId", "fileName", "urlExpiresAt", "ip", "userAgent")
      SELECT gen_random_uuid()::text, d."recipientId",
        (CASE WHEN d."verdict" IN ('granted', 'retry') THEN 'DOWNLOAD' ELSE 'REFUSED' END)::"ShareAccessKind",
        CASE WHEN d."verdict" = 'granted' THEN NULL WHEN d."verdict" = 'retry' THEN ${RETRY_REASON} ELSE d."verdict" END,
        d."fileId", d."fileName", CASE WHEN d."verdict" IN ('granted', 'retry') THEN ${expiresAt}::timestamp(3) END,
        ${context.ip}, ${context.userAgent}
      FROM decided d WHERE d."verdict" <> 'first'
    ), audit AS (
      ${auditInsertSql(
        {
          actorId: Prisma.sql`NULL`,
          action: Prisma.sql`CASE WHEN d."verdict" IS NULL OR d."verdict" IN ('granted', 'retry') THEN ${auditCode('share.download')} ELSE ${auditCode('share.access')} END`,
          outcome: Prisma.sql`CASE WHEN d."verdict" IN ('granted', 'retry') THEN ${auditCode('granted')} ELSE ${auditCode('refused')} END`,
          subjectType: 'shareRecipient',
          subjectId: Prisma.sql`d."recipientId"`,
          urlExpiresAt: Prisma.sql`CASE WHEN d."verdict" IN ('granted', 'retry') THEN ${expiresAt}::timestamp(3) END`,
          detail: Prisma.sql`CASE WHEN d."recipientId" IS NULL THEN jsonb_build_object('reason', 'unknown token')
            ELSE jsonb_strip_nulls(jsonb_build_object('shareId', d."shareId", 'fileId', d."fileId",
              'reason', CASE WHEN d."verdict" = 'granted' THEN NULL WHEN d."verdict" = 'retry' THEN ${RETRY_REASON} ELSE d."verdict" END)) END`,
          context,
        },
        Prisma.sql`(SELECT 1) AS one LEFT JOIN decided d ON true WHERE d."verdict" IS DISTINCT FROM 'first'`,
      )}
    )
    SELECT d."verdict", d."recipientId", d."countedAs" AS "downloadCount", d."objectKey", d."fileName", d."contentType"
    FROM (SELECT 1) AS one LEFT JOIN decided d ON true`;
}

/**
 * One click on a file, decided and recorded by one SQL statement (one round trip): it finds the
 * link, checks revocation, expiry, the unlock cookie and that the file is in the share, counts the
 * download, and writes the access-log and audit rows. Only then is a URL signed, valid for the
 * shareClick TTL (seconds), with the expiry the log already holds.
 *
 * Why one statement: the count is a conditional UPDATE, so the limit holds exactly under any
 * concurrency (PostgreSQL re-checks its WHERE against the latest row after waiting for the row
 * lock), and the audit rows are written in the same implicit transaction, so a click is never
 * granted without its record. A click for a file whose URL from a counted click of the same link
 * is still valid is a retry (a failed transfer): granted again, logged, not counted.
 */
export async function clickShareFile(
  token: string,
  fileId: string,
  options: FileClickOptions,
): Promise<FileClickOutcome> {
  const now = new Date();
  const { expiresAt } = await urlLifetime('shareClick', options.ttlSeconds, now);
  let [row] = await db.$queryRaw<ClickRow[]>(
    clickStatement(token, fileId, options, { now, expiresAt, firstAllowed: false }),
  );
  if (row?.verdict === 'first')
    // A link's first download also queues its mails, in the same transaction as the count, so a
    // mail goes out exactly when that download is counted and a crash loses neither. Once per link.
    row = await db.$transaction(async (tx) => {
      const [first] = await tx.$queryRaw<ClickRow[]>(
        clickStatement(token, fileId, options, { now, expiresAt, firstAllowed: true }),
      );
      if (first?.downloadCount === 1) await queueFirstDownloadMails(tx, first.recipientId!, first.fileName!);
      return first;
    });

  const verdict = row?.verdict ?? null;
  if (verdict === null || verdict === 'file not in share') return { outcome: 'not-found' };
  if (verdict === 'locked') return { outcome: 'locked' };
  if (verdict === 'first') throw new Error('a first download left undecided inside its own transaction');
  if (verdict !== 'granted' && verdict !== 'retry') return { outcome: 'dead', reason: verdict };
  const signed = await presignGet(row.objectKey!, {
    purpose: 'shareClick',
    ttlSeconds: options.ttlSeconds,
    signedAt: now,
    downloadName: row.fileName!,
    responseContentType: row.contentType!,
  });
  return { outcome: 'granted', url: signed.url, expiresAt: signed.expiresAt };
}

export type PreviewOutcome =
  | Exclude<FileClickOutcome, { outcome: 'granted' }>
  | { outcome: 'not-previewable' }
  | { outcome: 'granted'; url: string; expiresAt: Date };

/**
 * One preview of an image or PDF: the same checks as a download click (revocation, expiry, an
 * exhausted link, the password), then counted apart in previewCount, never against the download
 * limit, and signed for the sharePreview TTL (a minute at most) with Content-Disposition inline and
 * the stored Content-Type, so storage cannot be talked into serving the bytes as anything else.
 */
export async function previewShareFile(
  token: string,
  fileId: string,
  options: FileClickOptions,
): Promise<PreviewOutcome> {
  const { context } = options;
  const opened = await openSharedFile(token, fileId, 'share.preview', options);
  if (opened.outcome !== 'live') return opened;
  const { recipient, file } = opened;
  if (!previewKind(file.contentType)) {
    await logAccess(recipient, { kind: 'REFUSED', reason: 'not previewable', file }, context);
    return { outcome: 'not-previewable' };
  }
  const now = new Date();
  if ((await countUse(db, recipient.id, 'previewCount', now, context)) === null) {
    const reason = await reasonLinkDied(token, now);
    await logAccess(recipient, { kind: 'REFUSED', reason, file }, context);
    return { outcome: 'dead', reason };
  }
  const signed = await presignGet(file.objectKey, {
    purpose: 'sharePreview',
    ttlSeconds: options.ttlSeconds,
    downloadName: file.name,
    inline: true,
    responseContentType: file.contentType,
  });
  await logAccess(recipient, { kind: 'PREVIEW', file, urlExpiresAt: signed.expiresAt }, context);
  return { outcome: 'granted', url: signed.url, expiresAt: signed.expiresAt };
}

/** How the access log marks a click that re-issued a still-valid download instead of counting one. */
const RETRY_REASON = 'retry within the URL lifetime, not counted';

/**
 * Tells the recipient and the admin who created the share that a link was used for the first time,
 * through the mail queue, inside the transaction that counted that download.
 */
async function queueFirstDownloadMails(tx: Prisma.TransactionClient, recipientId: string, fileName: string) {
  const recipient = await tx.shareRecipient.findUniqueOrThrow({
    where: { id: recipientId },
    select: {
      name: true,
      email: true,
      share: { select: { id: true, title: true, expiresAt: true, createdBy: { select: { name: true, email: true } } } },
    },
  });
  const { share } = recipient;
  const about = { recipientName: recipient.name, recipientEmail: recipient.email, shareTitle: share.title, fileName };
  await queueMail(
    firstDownloadPartnerMail,
    { ...about, shareExpiresAt: share.expiresAt, senderName: share.createdBy?.name ?? null },
    { to: recipient.email, tx, dedupeKey: `share.first-download.partner:${recipientId}` },
  );
  if (share.createdBy) {
    await queueMail(
      firstDownloadOwnerMail,
      { ...about, accessLogUrl: `${env.APP_URL}/admin/shares/${share.id}/recipients/${recipientId}` },
      { to: share.createdBy.email, tx, dedupeKey: `share.first-download.owner:${recipientId}` },
    );
  }
}

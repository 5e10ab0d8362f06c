import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { keysetArgs, type KeysetPage, type KeysetQuery } from '@/lib/dal/keyset';
import { env } from '@/lib/env';
import { auditCode, auditInsertSql, auditor, type AuditRecorder } from '@/lib/dal/audit';
import { findInvoiceCustomer } from '@/lib/dal/invoice-customers';
import { inviteAs } from '@/lib/dal/users';
import { DalError } from '@/lib/dal/errors';
import { requireAdmin, requireUser, sessionClaims, type SessionUser } from '@/lib/dal/session';
import { sessionUserSql } from '@/lib/dal/session-sql';
import { Prisma } from '@/lib/generated/prisma/client';
import type { InvoiceStatus } from '@/lib/generated/prisma/enums';
import { newInvoiceId } from '@/lib/invoices/ids';
import { INVOICE_ID, type IssueInvoiceInput } from '@/lib/invoices/input';
import { invoiceLinkPath } from '@/lib/invoices/link-token';
import type { RequestContext } from '@/lib/request-context';
import { PDF_CONTENT_TYPE, presignInvoiceDownload, presignInvoiceUpload } from '@/lib/storage/invoices';
import { keys } from '@/lib/storage/keys';
import { deleteObject, headObject, putObject, readObject } from '@/lib/storage/objects';
import { urlLifetime, type PresignedPostForm } from '@/lib/storage/presign';
import { sniffContentType } from '@/lib/storage/sniff';
import { ttlSeconds } from '@/lib/storage/ttl';

/** What customers may see: an invoice still waiting for its PDF does not exist for them. */
const VISIBLE_TO_CUSTOMERS: InvoiceStatus[] = ['OPEN', 'PAID', 'VOID'];

export interface InvoiceSummary {
  id: string;
  number: string;
  issuedAt: Date;
  amountCents: number;
  currency: string;
  status: InvoiceStatus;
  sizeBytes: number | null;
  voidedAt: Date | null;
}

export interface AdminInvoiceSummary extends InvoiceSummary {
  customer: { id: string; name: string; email: string };
}

const summarySelect = {
  id: true,
  number: true,
  issuedAt: true,
  amountCents: true,
  currency: true,
  status: true,
  sizeBytes: true,
  voidedAt: true,
} as const;

/** Rows per page of an invoice list. */
export const INVOICE_PAGE_SIZE = 25;

// Newest first; id breaks ties so that the keyset order is total.
const newestFirst = [{ issuedAt: 'desc' }, { id: 'desc' }] as const;

/** One page of the signed-in customer's invoices, newest first. */
export async function listMyInvoices(query: KeysetQuery = {}): Promise<KeysetPage<InvoiceSummary>> {
  const user = await requireUser();
  const keyset = keysetArgs(query, INVOICE_PAGE_SIZE);
  const rows = await db.invoice.findMany({
    where: { customerId: user.id, status: { in: VISIBLE_TO_CUSTOMERS } },
    orderBy: [...newestFirst],
    select: summarySelect,
    ...keyset.find,
  });
  return keyset.page(rows);
}

/** One page of every invoice (including those awaiting their upload), optionally one customer's, newest first. */
export async function listInvoicesForAdmin(
  filter: { customerId?: string } = {},
  query: KeysetQuery = {},
): Promise<KeysetPage<AdminInvoiceSummary>> {
  await requireAdmin();
  const keyset = keysetArgs(query, INVOICE_PAGE_SIZE);
  const rows = await db.invoice.findMany({
    where: filter.customerId ? { customerId: filter.customerId } : {},
    orderBy: [...newestFirst],
    select: { ...summarySelect, customer: { select: { id: true, name: true, email: true } } },
    ...keyset.find,
  });
  return keyset.page(rows);
}

/**
 * The next free "INV-<year>-<nnnn>", as a default for the issue form: one row read through the
 * unique index on number (the highest of the year). Numbers are zero-padded, so text order is number
 * order up to 9999 a year; past that the admin types the number.
 */
export async function suggestInvoiceNumber(now: Date = new Date()): Promise<string> {
  await requireAdmin();
  const prefix = `INV-${now.getUTCFullYear()}-`;
  const highest = await db.invoice.findFirst({
    // The unique index on number is walked from its top: this year's numbers are the highest.
    where: { number: { startsWith: prefix } },
    orderBy: { number: 'desc' },
    select: { number: true },
  });
  const last = Number(highest?.number.slice(prefix.length));
  return `${prefix}${String(Number.isInteger(last) ? last + 1 : 1).padStart(4, '0')}`;
}

// ── Downloads ────────────────────────────────────────────────────────────────────────────────

type RefusalReason = 'anonymous' | 'malformed-id' | 'no-such-invoice' | 'not-owner' | 'awaiting-upload' | 'voided';

export type InvoiceLink =
  | { outcome: 'granted'; url: string; expiresAt: Date; number: string }
  | { outcome: 'voided'; number: string; voidedAt: Date | null }
  /** Every other refusal: indistinguishable on purpose, so that nobody learns which invoices exist. */
  | { outcome: 'not-found' };

/**
 * What a granted check hands out: when its URL stops working, fixed before the statement runs so
 * that the audit row holds the real expiry, and the URL itself, made only for a granted invoice.
 */
interface LinkKind {
  action: 'invoice.download' | 'invoice.link';
  expiresAt: Date;
  grant: (invoice: { id: string; number: string; objectKey: string }) => Promise<string>;
}

const NOT_FOUND: InvoiceLink = { outcome: 'not-found' };

interface InvoiceLinkRow {
  refusal: RefusalReason | null;
  id: string | null;
  number: string | null;
  objectKey: string | null;
  voidedAt: Date | null;
}

/**
 * Checks that `account` (a subquery of at most one "User" row: the acting account, none for a
 * stranger) may have `rawId`'s PDF (its customer and admins may, while it is open or paid), and
 * records the answer, granted or refused, in the audit log with the request's IP and user agent: one
 * statement, one round trip. The account is read inside it (for a click: through the session rule,
 * sessionUserSql), so a deactivated account, a changed role or an ended session counts at once, and
 * the audit row is written in the same statement as the decision, before any URL exists.
 */
async function signInvoiceLink(
  account: Prisma.Sql,
  rawId: string,
  kind: LinkKind,
  context: RequestContext,
): Promise<InvoiceLink> {
  const wellFormed = INVOICE_ID.test(rawId);
  const [row] = await db.$queryRaw<InvoiceLinkRow[]>`
    WITH checked AS (
      SELECT u."id" AS "userId", i."id", i."number", i."customerId", i."objectKey", i."voidedAt",
        CASE
          WHEN u."id" IS NULL THEN 'anonymous'
          WHEN NOT ${wellFormed} THEN 'malformed-id'
          WHEN i."id" IS NULL THEN 'no-such-invoice'
          WHEN i."customerId" <> u."id" AND u."role" <> 'ADMIN' THEN 'not-owner'
          WHEN i."status" = 'PENDING_UPLOAD' THEN 'awaiting-upload'
          WHEN i."status" = 'VOID' THEN 'voided'
        END AS "refusal"
      FROM (SELECT 1) AS one
        LEFT JOIN ${account} AS u ON true
        LEFT JOIN "Invoice" i ON ${wellFormed} AND i."id" = ${rawId}
    ), audit AS (
      ${auditInsertSql(
        {
          actorId: Prisma.sql`c."userId"`,
          action: auditCode(kind.action),
          outcome: Prisma.sql`CASE WHEN c."refusal" IS NULL THEN ${auditCode('granted')} ELSE ${auditCode('refused')} END`,
          subjectType: 'invoice',
          subjectId: Prisma.sql`CASE WHEN ${wellFormed} THEN ${rawId} END`,
          urlExpiresAt: Prisma.sql`CASE WHEN c."refusal" IS NULL THEN ${kind.expiresAt}::timestamp(3) END`,
          detail: Prisma.sql`CASE WHEN c."refusal" IS NULL
            THEN jsonb_strip_nulls(jsonb_build_object('number', c."number",
              'onBehalfOf', CASE WHEN c."customerId" <> c."userId" THEN c."customerId" END))
            ELSE jsonb_strip_nulls(jsonb_build_object('reason', c."refusal",
              'requestedId', CASE WHEN NOT ${wellFormed} THEN ${rawId.slice(0, 100)} END)) END`,
          context,
        },
        Prisma.sql`checked c`,
      )}
    )
    SELECT "refusal", "id", "number", "objectKey", "voidedAt" FROM checked`;
  if (row.refusal === 'voided') return { outcome: 'voided', number: row.number!, voidedAt: row.voidedAt };
  if (row.refusal) return NOT_FOUND;
  const invoice = { id: row.id!, number: row.number!, objectKey: row.objectKey! };
  return { outcome: 'granted', url: await kind.grant(invoice), expiresAt: kind.expiresAt, number: invoice.number };
}

/**
 * For GET /invoices/{id}/download: a short-lived link, used at once by the redirect. The session is
 * checked inside the statement rather than by requireUser(): a stranger gets the same 404 as a
 * missing invoice.
 */
export async function issueInvoiceDownload(rawId: string, context: RequestContext): Promise<InvoiceLink> {
  const signedAt = new Date();
  const { expiresAt } = await urlLifetime('download', undefined, signedAt);
  return signInvoiceLink(
    sessionUserSql(await sessionClaims()),
    rawId,
    {
      action: 'invoice.download',
      expiresAt,
      grant: async (invoice) =>
        (await presignInvoiceDownload(invoice.objectKey, invoice.number, { purpose: 'download', signedAt })).url,
    },
    context,
  );
}

/**
 * For "Copy link": an app link (/i/{token}, lib/dal/invoice-links.ts) that lives as long as the
 * invoice policy allows (24 h at most). Not a pre-signed URL: every click is checked again, so
 * voiding the invoice stops a link copied before.
 */
export async function createInvoiceLink(rawId: string, context: RequestContext): Promise<InvoiceLink> {
  const user = await requireUser();
  // Whole seconds: the expiry shown is exactly the one in the token.
  const expiresAt = new Date(Math.floor(Date.now() / 1000 + ttlSeconds('invoice')) * 1000);
  return signInvoiceLink(
    Prisma.sql`(SELECT * FROM "User" WHERE "id" = ${user.id})`,
    rawId,
    {
      action: 'invoice.link',
      expiresAt,
      grant: async (invoice) => `${env.APP_URL}${invoiceLinkPath(invoice.id, expiresAt, env.AUTH_SECRET)}`,
    },
    context,
  );
}

// ── Issuing (admins) ─────────────────────────────────────────────────────────────────────────

/**
 * Creates the invoice as PENDING_UPLOAD (invisible to its customer) and hands the browser a form
 * to upload its PDF straight to S3, at a key the server chose. A pending invoice left by an earlier
 * failed attempt with the same number is replaced.
 */
export async function startInvoiceIssue(
  input: IssueInvoiceInput,
  context: RequestContext,
): Promise<{ invoiceId: string; upload: PresignedPostForm }> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  const existing = await db.invoice.findUnique({
    where: { number: input.number },
    select: { id: true, status: true, objectKey: true },
  });
  // Checked before a new customer is invited, so that a refused invoice invites nobody.
  if (existing && existing.status !== 'PENDING_UPLOAD')
    throw new DalError(`Invoice ${input.number} already exists. Choose another number.`, 'number');
  const customerId = input.newCustomer ? await inviteCustomer(admin, input.newCustomer, audit) : input.customerId;
  const customer = await findInvoiceCustomer(customerId);
  if (!customer)
    throw new DalError('That customer does not exist any more. Reload the page and choose another.', 'customerId');
  if (existing) {
    await deleteObject(keys.invoiceUpload(existing.id));
    await deleteObject(existing.objectKey);
    await db.invoice.delete({ where: { id: existing.id } });
  }
  const id = newInvoiceId();
  const objectKey = keys.invoice(customer.id, id);
  await db.invoice.create({
    data: {
      id,
      number: input.number,
      customerId: customer.id,
      issuedById: admin.id,
      amountCents: input.amountCents,
      currency: input.currency,
      objectKey,
    },
  });
  // The browser writes to the upload key only; confirm moves what it checked to objectKey.
  const upload = await presignInvoiceUpload(keys.invoiceUpload(id), env.INVOICE_MAX_BYTES);
  await audit('invoice.upload', 'granted', id, {
    urlExpiresAt: upload.expiresAt,
    detail: { number: input.number, maxBytes: upload.maxBytes },
  });
  return { invoiceId: id, upload };
}

/** Invites the invoice's customer in place; a refusal is shown next to the invoice form's email field. */
async function inviteCustomer(
  admin: SessionUser,
  customer: { name: string; email: string },
  audit: AuditRecorder,
): Promise<string> {
  try {
    return (await inviteAs(admin, { ...customer, role: 'USER' }, audit)).id;
  } catch (error) {
    if (error instanceof DalError) throw new DalError(error.message, 'customerEmail');
    throw error;
  }
}

const NOT_WAITING = 'This invoice is not waiting for an upload. Reload the page to see its state.';

/**
 * The uploaded file's bytes if they are a PDF of an allowed size. The size is checked before reading,
 * so nothing larger than the limit is held in memory, and again on the bytes read (the upload may
 * have been replaced in between).
 */
async function readUploadedPdf(
  key: string,
  head: { size: number; etag: string },
): Promise<{ bytes: Uint8Array } | { problem: string }> {
  const inBounds = (size: number) => size > 0 && size <= env.INVOICE_MAX_BYTES;
  const bytes = inBounds(head.size) ? await readObject(key, head.etag) : null;
  if (!bytes || !inBounds(bytes.length))
    return { problem: `The file must be between 1 byte and ${env.INVOICE_MAX_BYTES} bytes.` };
  if (sniffContentType(bytes) !== 'application/pdf')
    return {
      problem: 'The file is not a PDF (it does not start with %PDF-). Export the invoice as PDF and try again.',
    };
  return { bytes };
}

/**
 * After the browser's upload: reads the uploaded file once, checks those bytes are a PDF of an
 * allowed size, records their size and SHA-256, writes exactly those bytes to the invoice's key, and
 * only then opens the invoice to its customer. The upload form may still be valid afterwards, but it
 * can only write to the upload key, never to the PDF customers download, whose hash always matches.
 * A file that fails the checks is deleted together with its pending invoice, so the admin can simply
 * try again.
 */
export async function confirmInvoiceIssue(rawId: string, context: RequestContext): Promise<{ number: string }> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  const invoice = INVOICE_ID.test(rawId)
    ? await db.invoice.findUnique({
        where: { id: rawId },
        select: { id: true, number: true, status: true, objectKey: true },
      })
    : null;
  if (!invoice || invoice.status !== 'PENDING_UPLOAD') throw new DalError(NOT_WAITING);
  const uploadKey = keys.invoiceUpload(invoice.id);
  const head = await headObject(uploadKey);
  if (!head) throw new DalError('The PDF did not arrive in storage. Try the upload again.');
  const checked = await readUploadedPdf(uploadKey, head);
  if ('problem' in checked) {
    await deleteObject(uploadKey);
    await db.invoice.delete({ where: { id: invoice.id } });
    await audit('invoice.issue', 'refused', invoice.id, {
      detail: { number: invoice.number, sizeBytes: head.size, reason: checked.problem },
    });
    throw new DalError(checked.problem);
  }
  const { bytes } = checked;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await putObject(invoice.objectKey, bytes, PDF_CONTENT_TYPE);
  await deleteObject(uploadKey);
  // Guarded on the status: two confirms racing open the invoice once (both wrote the same checked bytes).
  const opened = await db.invoice.updateMany({
    where: { id: invoice.id, status: 'PENDING_UPLOAD' },
    data: { status: 'OPEN', sizeBytes: bytes.length, sha256, issuedAt: new Date() },
  });
  if (opened.count === 0) throw new DalError(NOT_WAITING);
  await audit('invoice.issue', 'changed', invoice.id, {
    detail: { number: invoice.number, sizeBytes: bytes.length, sha256 },
  });
  return { number: invoice.number };
}

/** Voids an open or paid invoice: its PDF is kept, but no link to it is issued any more. */
export async function voidInvoice(rawId: string, context: RequestContext): Promise<{ number: string }> {
  const admin = await requireAdmin();
  const audit = auditor(admin.id, context);
  const invoice = INVOICE_ID.test(rawId)
    ? await db.invoice.findUnique({ where: { id: rawId }, select: { id: true, number: true, status: true } })
    : null;
  if (!invoice) throw new DalError('That invoice does not exist. Reload the page.');
  const voided = await db.invoice.updateMany({
    where: { id: invoice.id, status: { in: ['OPEN', 'PAID'] } },
    data: { status: 'VOID', voidedAt: new Date() },
  });
  if (voided.count === 0)
    throw new DalError(
      `Invoice ${invoice.number} cannot be voided: it is ${invoice.status === 'VOID' ? 'already void' : 'still awaiting its upload'}.`,
    );
  await audit('invoice.void', 'changed', invoice.id, {
    detail: { number: invoice.number, previousStatus: invoice.status },
  });
  return { number: invoice.number };
}

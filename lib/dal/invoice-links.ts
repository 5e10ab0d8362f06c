import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { auditCode, auditInsertSql, auditor } from '@/lib/dal/audit';
import { Prisma } from '@/lib/generated/prisma/client';
import { readInvoiceLinkToken } from '@/lib/invoices/link-token';
import type { RequestContext } from '@/lib/request-context';
import { presignInvoiceDownload } from '@/lib/storage/invoices';
import { urlLifetime } from '@/lib/storage/presign';

export type FollowedInvoiceLink =
  | { outcome: 'granted'; url: string }
  | { outcome: 'expired' }
  | { outcome: 'voided' }
  /** A forged, malformed or unknown link: indistinguishable on purpose. */
  | { outcome: 'not-found' };

interface FollowRow {
  refusal: 'no-such-invoice' | 'voided' | null;
  number: string | null;
  objectKey: string | null;
}

/**
 * A click on a copied invoice link (/i/{token}), by whoever holds it: no session, the signed token
 * alone names the invoice. Every click reads the invoice afresh, so a voided invoice is refused from
 * the moment it is voided; a granted click gets a pre-signed GET that lives seconds (the invoiceClick
 * policy), used at once by the redirect. Every answer is audited (actor: nobody). A token that
 * verifies is decided and audited by one statement (one round trip), the audit row written with the
 * decision, before any URL exists; its expiry is fixed first, so the row holds the real one.
 */
export async function followInvoiceLink(token: string, context: RequestContext): Promise<FollowedInvoiceLink> {
  const reading = readInvoiceLinkToken(token, env.AUTH_SECRET);
  if (!reading.valid) {
    await auditor(null, context)('invoice.link.follow', 'refused', null, { detail: { reason: reading.reason } });
    return reading.reason === 'expired' ? { outcome: 'expired' } : { outcome: 'not-found' };
  }
  const signedAt = new Date();
  const { expiresAt } = await urlLifetime('invoiceClick', undefined, signedAt);
  const [row] = await db.$queryRaw<FollowRow[]>`
    WITH checked AS (
      SELECT i."number", i."objectKey",
        CASE
          WHEN i."id" IS NULL OR i."status" = 'PENDING_UPLOAD' THEN 'no-such-invoice'
          WHEN i."status" = 'VOID' THEN 'voided'
        END AS "refusal"
      FROM (SELECT 1) AS one LEFT JOIN "Invoice" i ON i."id" = ${reading.invoiceId}
    ), audit AS (
      ${auditInsertSql(
        {
          actorId: Prisma.sql`NULL`,
          action: auditCode('invoice.link.follow'),
          outcome: Prisma.sql`CASE WHEN c."refusal" IS NULL THEN ${auditCode('granted')} ELSE ${auditCode('refused')} END`,
          subjectType: 'invoice',
          subjectId: Prisma.sql`${reading.invoiceId}`,
          urlExpiresAt: Prisma.sql`CASE WHEN c."refusal" IS NULL THEN ${expiresAt}::timestamp(3) END`,
          detail: Prisma.sql`CASE WHEN c."refusal" IS NULL
            THEN jsonb_build_object('number', c."number", 'linkExpiresAt', ${reading.expiresAt.toISOString()}::text)
            ELSE jsonb_strip_nulls(jsonb_build_object('reason', c."refusal",
              'number', CASE WHEN c."refusal" = 'voided' THEN c."number" END)) END`,
          context,
        },
        Prisma.sql`checked c`,
      )}
    )
    SELECT "refusal", "number", "objectKey" FROM checked`;
  if (row.refusal === 'no-such-invoice') return { outcome: 'not-found' };
  if (row.refusal === 'voided') return { outcome: 'voided' };
  const signed = await presignInvoiceDownload(row.objectKey!, row.number!, { purpose: 'invoiceClick', signedAt });
  return { outcome: 'granted', url: signed.url };
}

import 'server-only';
import { presignGet, presignPost, type PresignedPostForm, type PresignedUrl } from '@/lib/storage/presign';
import type { UrlPurpose } from '@/lib/storage/ttl';

/**
 * The storage rules of invoices: their PDFs are uploaded to keys.invoiceUpload(invoiceId) through a
 * POST form bound to the PDF type and size, moved to keys.invoice(customerId, invoiceId) once checked,
 * and downloaded from there under the invoice's number.
 */
export const PDF_CONTENT_TYPE = 'application/pdf';

/** A GET that the browser saves as "<number>.pdf". */
export function presignInvoiceDownload(
  key: string,
  number: string,
  options: { purpose: Extract<UrlPurpose, 'download' | 'invoiceClick'>; ttlSeconds?: number; signedAt?: Date },
): Promise<PresignedUrl> {
  return presignGet(key, {
    purpose: options.purpose,
    ttlSeconds: options.ttlSeconds,
    signedAt: options.signedAt,
    downloadName: `${number}.pdf`,
    responseContentType: PDF_CONTENT_TYPE,
  });
}

/** A browser upload form for exactly this key, a PDF Content-Type and at most maxBytes. */
export function presignInvoiceUpload(key: string, maxBytes: number): Promise<PresignedPostForm> {
  return presignPost(key, { contentType: PDF_CONTENT_TYPE, maxBytes });
}

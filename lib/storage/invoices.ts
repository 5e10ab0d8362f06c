import 'server-only';
import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { bucket, s3 } from '@/lib/storage/client';
import { presignGet, presignPost, type PresignedPostForm, type PresignedUrl } from '@/lib/storage/presign';
import { SNIFF_BYTES } from '@/lib/storage/sniff';
import type { UrlPurpose } from '@/lib/storage/ttl';

/** The S3 side of invoices: their PDFs, under keys.invoice(customerId, invoiceId). */
export const PDF_CONTENT_TYPE = 'application/pdf';

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/** The object's size, or null when there is no such object. */
export async function headInvoiceObject(key: string): Promise<{ sizeBytes: number } | null> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return { sizeBytes: head.ContentLength ?? 0 };
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}

/** The object's first bytes, enough to sniff its real type. */
export async function readInvoiceStart(key: string): Promise<Uint8Array> {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
  return object.Body ? object.Body.transformToByteArray() : new Uint8Array();
}

/** SHA-256 of the whole object, streamed: the PDF is never held in memory at once. */
export async function hashInvoiceObject(key: string): Promise<string> {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  const hash = createHash('sha256');
  for await (const chunk of object.Body as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest('hex');
}

/** For the seed, which writes its sample PDFs itself. */
export async function putInvoiceObject(key: string, body: Uint8Array): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: body, ContentType: PDF_CONTENT_TYPE }));
}

export async function deleteInvoiceObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}

/** A GET that the browser saves as "<number>.pdf". */
export function presignInvoiceDownload(
  key: string,
  number: string,
  options: { purpose: Extract<UrlPurpose, 'download' | 'invoice'>; ttlSeconds?: number },
): Promise<PresignedUrl> {
  return presignGet(key, { purpose: options.purpose, ttlSeconds: options.ttlSeconds, downloadName: `${number}.pdf`, responseContentType: PDF_CONTENT_TYPE });
}

/** A browser upload form for exactly this key, a PDF Content-Type and at most maxBytes. */
export function presignInvoiceUpload(key: string, maxBytes: number): Promise<PresignedPostForm> {
  return presignPost(key, { contentType: PDF_CONTENT_TYPE, maxBytes });
}

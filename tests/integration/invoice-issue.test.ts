import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { DalError } from '@/lib/dal/errors';
import { cleanupPendingInvoices } from '@/lib/dal/invoice-cleanup';
import {
  confirmInvoiceIssue,
  createInvoiceLink,
  issueInvoiceDownload,
  listMyInvoices,
  startInvoiceIssue,
  voidInvoice,
} from '@/lib/dal/invoices';
import { textPdf } from '@/lib/invoices/pdf';
import { deleteObject, headObject } from '@/lib/storage/objects';
import type { PresignedPostForm } from '@/lib/storage/presign';
import { GET as followInvoiceLink } from '@/app/i/[token]/route';
import { Forbidden, signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

// A customer of this file's own, so that no seeded account sees anything new.
const customerEmail = `invoice-issue-${randomBytes(4).toString('hex')}@example.com`;
let customerId: string;
const context = { ip: '198.51.100.4', userAgent: 'invoice-issue-test' };
const number = () => `TEST-${randomBytes(5).toString('hex').toUpperCase()}`;

/** What the browser does with the form: fields first, the file last. */
async function postToS3(upload: PresignedPostForm, body: Uint8Array, type = 'application/pdf'): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([Buffer.from(body)], { type }), 'invoice.pdf');
  return (await fetch(upload.url, { method: 'POST', body: form })).status;
}

/** What whoever holds a copied link gets: an app link goes through its route, then its redirect. */
async function open(url: string): Promise<Response> {
  if (!url.startsWith(`${process.env.APP_URL}/i/`)) return fetch(url);
  const token = url.slice(`${process.env.APP_URL}/i/`.length);
  const answer = await followInvoiceLink(new Request(url), { params: Promise.resolve({ token }) });
  return answer.status === 303 ? fetch(answer.headers.get('location')!) : answer;
}

/** The customer's download, as the route would redirect to it. */
async function downloadUrl(invoiceId: string): Promise<string> {
  await signedInAs(customerEmail);
  const link = await issueInvoiceDownload(invoiceId, context);
  if (link.outcome !== 'granted') throw new Error(`no download: ${link.outcome}`);
  return link.url;
}

async function start(invoiceNumber = number()) {
  const result = await startInvoiceIssue(
    { customerId, number: invoiceNumber, amountCents: 4_200, currency: 'EUR' },
    context,
  );
  return { ...result, number: invoiceNumber };
}

beforeAll(async () => {
  customerId = (
    await db.user.create({ data: { email: customerEmail, name: 'Issue Test Customer', passwordHash: 'x' } })
  ).id;
});

afterAll(async () => {
  const invoices = await db.invoice.findMany({ where: { customerId } });
  for (const invoice of invoices) await deleteObject(invoice.objectKey);
  await db.invoice.deleteMany({ where: { customerId } });
  await db.user.delete({ where: { id: customerId } });
});

describe('issuing an invoice (admins)', () => {
  it('pending until the uploaded PDF is verified, then open to its customer with size and hash', async () => {
    await signedInAs('admin@example.com');
    const issued = await start();
    expect(issued.upload.fields['Content-Type']).toBe('application/pdf');
    expect(issued.upload.maxBytes).toBeGreaterThan(0);

    await signedInAs(customerEmail);
    expect((await listMyInvoices()).rows).toEqual([]);
    expect((await issueInvoiceDownload(issued.invoiceId, context)).outcome).toBe('not-found');

    const pdf = textPdf([`Invoice ${issued.number}`]);
    expect(await postToS3(issued.upload, pdf)).toBe(204);
    await signedInAs('admin@example.com');
    expect(await confirmInvoiceIssue(issued.invoiceId, context)).toEqual({ number: issued.number });
    const row = await db.invoice.findUniqueOrThrow({ where: { id: issued.invoiceId } });
    expect(row).toMatchObject({
      status: 'OPEN',
      sizeBytes: pdf.byteLength,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    expect(row.objectKey).toBe(`invoices/${customerId}/${issued.invoiceId}.pdf`);

    await signedInAs(customerEmail);
    expect((await listMyInvoices()).rows.map((i) => i.number)).toEqual([issued.number]);
    expect((await issueInvoiceDownload(issued.invoiceId, context)).outcome).toBe('granted');
  });

  it('S3 refuses an upload of another Content-Type or above the size bound', async () => {
    await signedInAs('admin@example.com');
    const issued = await start();
    expect(
      await postToS3(
        { ...issued.upload, fields: { ...issued.upload.fields, 'Content-Type': 'text/html' } },
        textPdf(['x']),
      ),
    ).toBe(403);
    const tooLarge = new Uint8Array(issued.upload.maxBytes + 1);
    tooLarge.set(new TextEncoder().encode('%PDF-1.4'));
    expect(await postToS3(issued.upload, tooLarge)).toBe(400);
    expect(
      await headObject((await db.invoice.findUniqueOrThrow({ where: { id: issued.invoiceId } })).objectKey),
    ).toBeNull();
    await expect(confirmInvoiceIssue(issued.invoiceId, context)).rejects.toThrow(/did not arrive/);
  });

  it('a file that is not a PDF is refused, deleted with its pending invoice, and the number is free again', async () => {
    await signedInAs('admin@example.com');
    const issued = await start();
    expect(await postToS3(issued.upload, new TextEncoder().encode('<html>not a pdf</html>'))).toBe(204);
    await expect(confirmInvoiceIssue(issued.invoiceId, context)).rejects.toThrow(/not a PDF/);
    expect(await db.invoice.findUnique({ where: { id: issued.invoiceId } })).toBeNull();
    const key = `invoices/${customerId}/${issued.invoiceId}.pdf`;
    expect(await headObject(key)).toBeNull();
    const audit = await db.auditEvent.findFirst({ where: { action: 'invoice.issue', subjectId: issued.invoiceId } });
    expect(audit).toMatchObject({ outcome: 'refused', ip: context.ip });

    const again = await start(issued.number);
    expect(again.invoiceId).not.toBe(issued.invoiceId);
  });

  it('the upload form, still valid after the confirm, cannot replace the PDF that was checked', async () => {
    await signedInAs('admin@example.com');
    const issued = await start();
    const pdf = textPdf([`Invoice ${issued.number}`]);
    expect(await postToS3(issued.upload, pdf)).toBe(204);
    await confirmInvoiceIssue(issued.invoiceId, context);
    const row = await db.invoice.findUniqueOrThrow({ where: { id: issued.invoiceId } });

    // Whoever kept the form posts again within its lifetime: S3 accepts it, but only at the upload key.
    const html = new TextEncoder().encode('%PDF-1.4\n<html><script>alert(document.domain)</script></html>');
    expect(await postToS3(issued.upload, html)).toBe(204);
    const served = await fetch(await downloadUrl(issued.invoiceId));
    expect(
      createHash('sha256')
        .update(Buffer.from(await served.arrayBuffer()))
        .digest('hex'),
    ).toBe(row.sha256);
    expect(issued.upload.fields.key).not.toBe(row.objectKey);
  });

  it('the cleanup task removes an abandoned issue (row and object) and leaves a recent one alone', async () => {
    await signedInAs('admin@example.com');
    const abandoned = await start();
    expect(await postToS3(abandoned.upload, textPdf(['never confirmed']))).toBe(204);
    await db.invoice.update({
      where: { id: abandoned.invoiceId },
      data: { createdAt: new Date(Date.now() - 2 * 3600_000) },
    });
    const recent = await start();

    expect(await cleanupPendingInvoices({ staleAfterSeconds: 3600 })).toBeGreaterThanOrEqual(1);
    expect(await db.invoice.findUnique({ where: { id: abandoned.invoiceId } })).toBeNull();
    expect(await headObject(`invoices/${customerId}/${abandoned.invoiceId}.pdf`)).toBeNull();
    expect(await db.invoice.findUnique({ where: { id: recent.invoiceId } })).toMatchObject({
      status: 'PENDING_UPLOAD',
    });
    // A late confirm of the removed invoice finds nothing to confirm.
    await expect(confirmInvoiceIssue(abandoned.invoiceId, context)).rejects.toThrow(DalError);
  });

  it('refuses a number that is taken, and customers cannot issue at all', async () => {
    await signedInAs('admin@example.com');
    await expect(
      startInvoiceIssue({ customerId, number: 'INV-2026-0001', amountCents: 1, currency: 'EUR' }, context),
    ).rejects.toMatchObject({ field: 'number' });
    await signedInAs('alice@example.com');
    await expect(
      startInvoiceIssue({ customerId, number: number(), amountCents: 1, currency: 'EUR' }, context),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('voiding: the customer still sees it, the download is refused as voided, and it is audited', async () => {
    await signedInAs('admin@example.com');
    const issued = await start();
    await postToS3(issued.upload, textPdf(['to be voided']));
    await confirmInvoiceIssue(issued.invoiceId, context);
    expect(await voidInvoice(issued.invoiceId, context)).toEqual({ number: issued.number });
    await expect(voidInvoice(issued.invoiceId, context)).rejects.toThrow(/already void/);
    await signedInAs(customerEmail);
    expect((await listMyInvoices()).rows.find((i) => i.id === issued.invoiceId)?.status).toBe('VOID');
    expect(await issueInvoiceDownload(issued.invoiceId, context)).toMatchObject({
      outcome: 'voided',
      number: issued.number,
    });
    expect(
      await db.auditEvent.count({ where: { action: 'invoice.void', subjectId: issued.invoiceId, outcome: 'changed' } }),
    ).toBe(1);
  });

  it('voiding stops a link the customer copied before, at once', async () => {
    await signedInAs('admin@example.com');
    const issued = await start();
    await postToS3(issued.upload, textPdf(['copied, then voided']));
    await confirmInvoiceIssue(issued.invoiceId, context);
    await signedInAs(customerEmail);
    const link = await createInvoiceLink(issued.invoiceId, context);
    if (link.outcome !== 'granted') throw new Error(`no link: ${link.outcome}`);
    expect((await open(link.url)).status).toBe(200);

    await signedInAs('admin@example.com');
    await voidInvoice(issued.invoiceId, context);
    expect((await open(link.url)).status).toBe(410);
  });
});

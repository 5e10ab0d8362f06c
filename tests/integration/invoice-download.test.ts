import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { createInvoiceLink, issueInvoiceDownload, listMyInvoices } from '@/lib/dal/invoices';
import { presignInvoiceDownload } from '@/lib/storage/invoices';
import { invoiceLinkPath } from '@/lib/invoices/link-token';
import { GET } from '@/app/i/[token]/route';
import { SEED_INVOICES, seed, seedInvoicePdf } from '@/prisma/seed';
import { signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

const context = { ip: '203.0.113.7', userAgent: 'invoice-download-test' };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type SeededInvoice = Awaited<ReturnType<typeof loadSeeded>>[number];
async function loadSeeded() {
  return db.invoice.findMany({
    where: { number: { in: SEED_INVOICES.map((i) => i.number) } },
    include: { customer: true },
    orderBy: { number: 'asc' },
  });
}
let seeded: SeededInvoice[];
const byNumber = (number: string) => seeded.find((i) => i.number === number)!;

beforeAll(async () => {
  seeded = await loadSeeded();
});

describe('seeded invoices', () => {
  it('gives alice three and bob two, each with its PDF in the bucket; re-seeding changes nothing', async () => {
    expect(seeded.filter((i) => i.customer.email === 'alice@example.com')).toHaveLength(3);
    expect(seeded.filter((i) => i.customer.email === 'bob@example.com')).toHaveLength(2);
    await seed();
    expect(await loadSeeded()).toEqual(seeded);
  });

  it('lists the signed-in customer’s invoices newest first', async () => {
    await signedInAs('alice@example.com');
    expect((await listMyInvoices()).rows.map((i) => i.number)).toEqual([
      'INV-2026-0003',
      'INV-2026-0002',
      'INV-2026-0001',
    ]);
    await signedInAs('admin@example.com');
    expect((await listMyInvoices()).rows).toEqual([]);
  });
});

describe('invoice downloads against radosgw', () => {
  it('the downloaded bytes are the stored PDF, saved under the invoice number', async () => {
    const invoice = byNumber('INV-2026-0002');
    await signedInAs('alice@example.com');
    const link = await issueInvoiceDownload(invoice.id, context);
    expect(link.outcome).toBe('granted');
    if (link.outcome !== 'granted') return;
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="INV-2026-0002\.pdf"/);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(sha256(bytes)).toBe(invoice.sha256);
    expect(bytes.byteLength).toBe(invoice.sizeBytes);
    expect(Buffer.from(bytes)).toEqual(Buffer.from(seedInvoicePdf(invoice, invoice.customer.name)));
    // The download link is for immediate use: the policy's download lifetime, not a day.
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
  });

  it('a URL really expires: signed for 2 s, S3 refuses it after', async () => {
    const invoice = byNumber('INV-2026-0001');
    const { url, expiresAt } = await presignInvoiceDownload(invoice.objectKey, invoice.number, {
      purpose: 'download',
      ttlSeconds: 2,
    });
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(2_000);
    expect((await fetch(url)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('AccessDenied');
  });

  it('a tampered URL is refused', async () => {
    const alice = byNumber('INV-2026-0001');
    const bob = byNumber('INV-2026-0004');
    const { url } = await presignInvoiceDownload(alice.objectKey, alice.number, { purpose: 'download' });
    const otherObject = url.replace(alice.objectKey, bob.objectKey);
    const otherName = url.replace('INV-2026-0001.pdf', 'INV-2026-0004.pdf');
    const signature = new URL(url).searchParams.get('X-Amz-Signature')!;
    const forged = url.replace(signature, `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    for (const tampered of [otherObject, otherName, forged]) {
      expect(tampered).not.toBe(url);
      expect((await fetch(tampered)).status).toBe(403);
    }
  });
});

describe('who gets an invoice link', () => {
  const cases: { who: string | null; number: string; expected: 'granted' | 'voided' | 'not-found' }[] = [
    { who: 'alice@example.com', number: 'INV-2026-0001', expected: 'granted' },
    { who: 'bob@example.com', number: 'INV-2026-0001', expected: 'not-found' },
    { who: 'admin@example.com', number: 'INV-2026-0001', expected: 'granted' },
    { who: null, number: 'INV-2026-0001', expected: 'not-found' },
    { who: 'bob@example.com', number: 'INV-2026-0005', expected: 'voided' },
    { who: 'alice@example.com', number: 'INV-2026-0005', expected: 'not-found' },
    { who: 'admin@example.com', number: 'INV-2026-0005', expected: 'voided' },
  ];
  it.each(cases)('$who asking for $number: $expected, and audited', async ({ who, number, expected }) => {
    const user = await signedInAs(who);
    const invoice = byNumber(number);
    const since = new Date();
    const link = await issueInvoiceDownload(invoice.id, context);
    expect(link.outcome).toBe(expected);
    const events = await db.auditEvent.findMany({
      where: { action: 'invoice.download', subjectId: invoice.id, createdAt: { gte: since } },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: user?.id ?? null,
      outcome: expected === 'granted' ? 'granted' : 'refused',
      ip: context.ip,
      userAgent: context.userAgent,
    });
    if (link.outcome === 'granted') expect(events[0].urlExpiresAt).toEqual(link.expiresAt);
  });

  it('unknown and malformed ids are refused like another customer’s invoice, and audited', async () => {
    const bob = await signedInAs('bob@example.com');
    const since = new Date();
    for (const id of ['aaaaaaaaaaaaaaaaaaaaaaaa', '../../etc/passwd', 'INV-2026-0001', '']) {
      expect(await issueInvoiceDownload(id, context)).toEqual({ outcome: 'not-found' });
    }
    const refusals = await db.auditEvent.findMany({
      where: { action: 'invoice.download', actorId: bob!.id, outcome: 'refused', createdAt: { gte: since } },
    });
    expect(refusals.map((e) => (e.detail as { reason: string }).reason).sort()).toEqual([
      'malformed-id',
      'malformed-id',
      'malformed-id',
      'no-such-invoice',
    ]);
  });

  it('"Copy link" gives an app link that lives exactly as long as the invoice policy allows: 24 hours', async () => {
    await signedInAs('alice@example.com');
    const before = Date.now();
    const link = await createInvoiceLink(byNumber('INV-2026-0003').id, context);
    expect(link.outcome).toBe('granted');
    if (link.outcome !== 'granted') return;
    const lifetime = link.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(86_400_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(86_400_000 + 1_000);
    expect(link.url.startsWith(`${process.env.APP_URL}/i/`)).toBe(true);
    const audit = await db.auditEvent.findFirst({
      where: { action: 'invoice.link', subjectId: byNumber('INV-2026-0003').id },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit?.urlExpiresAt).toEqual(link.expiresAt);

    // A click redirects to a pre-signed GET that lives seconds, and delivers the PDF.
    const click = await followLink(link.url);
    expect(click.status).toBe(303);
    const signed = new URL(click.headers.get('location')!);
    expect(signed.searchParams.get('X-Amz-Expires')).toBe('60');
    const pdf = await fetch(signed);
    expect(sha256(new Uint8Array(await pdf.arrayBuffer()))).toBe(byNumber('INV-2026-0003').sha256);
  });

  it('an invoice link is refused when it is forged, altered, expired or for a pending invoice', async () => {
    const id = byNumber('INV-2026-0002').id;
    const expired = invoiceLinkPath(id, new Date(Date.now() - 1000), process.env.AUTH_SECRET!);
    expect((await followLink(expired)).status).toBe(410);
    const forged = invoiceLinkPath(id, new Date(Date.now() + 3600_000), 'x'.repeat(32));
    expect((await followLink(forged)).status).toBe(404);
    const genuine = invoiceLinkPath(id, new Date(Date.now() + 3600_000), process.env.AUTH_SECRET!);
    const [, , epoch, mac] = /^\/i\/([a-z0-9]+)\.(\d+)\.(.+)$/.exec(genuine)!;
    expect((await followLink(`/i/${byNumber('INV-2026-0001').id}.${epoch}.${mac}`)).status).toBe(404);
    for (const hostile of ['', '..', 'a.b.c', `${id}.99999999999999.${mac}`, '%00', 'a'.repeat(5000)])
      expect((await followLink(`/i/${encodeURIComponent(hostile)}`)).status).toBe(404);
  });
});

/** A click on a copied link, through the route handler, as the browser of whoever received it. */
async function followLink(url: string): Promise<Response> {
  const { pathname } = new URL(url, 'http://app.test');
  return GET(new Request(new URL(pathname, 'http://app.test')), {
    params: Promise.resolve({ token: decodeURIComponent(pathname.slice('/i/'.length)) }),
  });
}

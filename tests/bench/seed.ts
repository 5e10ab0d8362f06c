// The rows the bench needs, on top of the test seed: two customers with 10 and 10,000 invoices,
// audit actions with 10 and 10,000 events, a share link with one file, and a photo for each of 50
// users. Prints the ids, the link's token and session cookies (signed as next-auth signs them).
import { randomBytes } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { newInvoiceId } from '@/lib/invoices/ids';
import { generateShareToken, hashShareToken } from '@/lib/shares/token';
import { keys } from '@/lib/storage/keys';
import { putObject } from '@/lib/storage/objects';
import { report } from './measure';

const LARGE = 10_000;
const SMALL = 10;
const COOKIE = 'authjs.session-token';

async function sessionCookie(user: { id: string; role: string }): Promise<string> {
  const token = await encode({ token: { sub: user.id, role: user.role }, secret: env.AUTH_SECRET, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

async function customerWithInvoices(label: string, count: number) {
  const customer = await db.user.create({
    data: { email: `bench-${label}@bench.test`, name: `Bench ${label}`, passwordHash: 'x', role: 'USER' },
  });
  const start = Date.UTC(2020, 0, 1);
  for (let offset = 0; offset < count; offset += 1000) {
    await db.invoice.createMany({
      data: Array.from({ length: Math.min(1000, count - offset) }, (_, i) => {
        const id = newInvoiceId();
        const n = offset + i + 1;
        return {
          id,
          number: `BENCH-${label}-${String(n).padStart(6, '0')}`,
          customerId: customer.id,
          issuedAt: new Date(start + n * 3_600_000),
          amountCents: 1000 + n,
          currency: 'EUR',
          status: 'OPEN' as const,
          objectKey: keys.invoice(customer.id, id),
          sizeBytes: 1024,
        };
      }),
    });
  }
  return customer;
}

async function auditEvents(action: string, count: number) {
  for (let offset = 0; offset < count; offset += 1000)
    await db.auditEvent.createMany({
      data: Array.from({ length: Math.min(1000, count - offset) }, (_, i) => ({
        action,
        outcome: 'granted',
        subjectType: 'invoice',
        subjectId: `bench${offset + i}`,
        ip: '192.0.2.1',
        userAgent: 'bench',
      })),
    });
}

const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
const alice = await db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
const small = await customerWithInvoices('small', SMALL);
const large = await customerWithInvoices('large', LARGE);
await auditEvents('storage.lab', SMALL);
await auditEvents('invoice.link', LARGE);

// A share with one stored file and one recipient without a download limit.
const fileId = `c${randomBytes(12).toString('hex')}`;
await putObject(keys.libraryFile(fileId), randomBytes(4096), 'application/pdf');
await db.libraryFile.create({
  data: {
    id: fileId,
    name: 'Bench file.pdf',
    sizeBytes: 4096,
    contentType: 'application/pdf',
    objectKey: keys.libraryFile(fileId),
    status: 'READY',
    uploadedById: admin.id,
  },
});
const token = generateShareToken();
await db.share.create({
  data: {
    title: 'Bench share',
    expiresAt: new Date(Date.now() + 86_400_000),
    createdById: admin.id,
    files: { create: { fileId } },
    recipients: { create: { name: 'Bench partner', email: 'partner@bench.test', tokenHash: hashShareToken(token) } },
  },
});

const invoice = await db.invoice.findFirstOrThrow({ where: { customerId: alice.id, status: 'OPEN' } });
const photoKeys = Array.from({ length: 50 }, (_, i) =>
  keys.avatar(`cbenchuser${String(i).padStart(4, '0')}`, `benchphoto${String(i).padStart(4, '0')}`),
);

report({
  token,
  fileId,
  invoiceId: invoice.id,
  smallCustomerId: small.id,
  largeCustomerId: large.id,
  photoKeys,
  cookies: {
    admin: await sessionCookie(admin),
    alice: await sessionCookie(alice),
    small: await sessionCookie(small),
    large: await sessionCookie(large),
  },
});
await db.$disconnect();

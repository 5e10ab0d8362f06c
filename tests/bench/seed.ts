// The rows the bench needs, on top of the test seed: two customers with 10 and 10,000 invoices,
// audit actions with 10 and 10,000 events, library files and accounts named to match 10 and 10,000,
// two shares with 10 and 10,000 recipients whose first links have 10 and 10,000 access-log rows, a
// share link with one file, an invoice link, and a photo for each of 50 users. Prints the ids, the
// tokens and session cookies (signed as next-auth signs them). With --shares N it adds N shares only.
import { randomBytes, randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { newInvoiceId } from '@/lib/invoices/ids';
import { invoiceLinkPath } from '@/lib/invoices/link-token';
import { generateShareToken, hashShareToken } from '@/lib/shares/token';
import { keys } from '@/lib/storage/keys';
import { putObject } from '@/lib/storage/objects';
import { report } from './measure';

const LARGE = 10_000;
const SMALL = 10;
const COOKIE = 'authjs.session-token';

async function sessionCookie(user: { id: string; role: string; sessionVersion: number }): Promise<string> {
  const token = await encode({
    // The claims lib/auth.ts's jwt callback adds at sign-in.
    token: {
      sub: user.id,
      role: user.role,
      sessionVersion: user.sessionVersion,
      sessionId: randomUUID(),
      signedInAt: Math.floor(Date.now() / 1000),
    },
    secret: env.AUTH_SECRET,
    salt: COOKIE,
  });
  return `${COOKIE}=${token}`;
}

/** Inserts `count` rows 1,000 at a time; `make(n)` builds row n (from 1). */
async function inBatches<T>(count: number, make: (n: number) => T, insert: (rows: T[]) => Promise<unknown>) {
  for (let offset = 0; offset < count; offset += 1000)
    await insert(Array.from({ length: Math.min(1000, count - offset) }, (_, i) => make(offset + i + 1)));
}

const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });

/** `count` shares without recipients, created one hour apart. */
async function shares(label: string, count: number) {
  await inBatches(
    count,
    (n) => ({
      title: `Bench ${label} share ${n}`,
      expiresAt: new Date(Date.now() + 86_400_000),
      createdById: admin.id,
      createdAt: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000),
    }),
    (data) => db.share.createMany({ data }),
  );
}

const sharesArg = process.argv.indexOf('--shares');
if (sharesArg >= 0) {
  await shares('more', Number(process.argv[sharesArg + 1]));
  report({});
  await db.$disconnect();
  process.exit(0);
}

async function customerWithInvoices(label: string, count: number) {
  const customer = await db.user.create({
    data: { email: `bench-${label}@bench.test`, name: `Bench ${label}`, passwordHash: 'x', role: 'USER' },
  });
  const start = Date.UTC(2020, 0, 1);
  await inBatches(
    count,
    (n) => {
      const id = newInvoiceId();
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
    },
    (data) => db.invoice.createMany({ data }),
  );
  return customer;
}

async function auditEvents(action: string, count: number) {
  await inBatches(
    count,
    (n) => ({
      action,
      outcome: 'granted',
      subjectType: 'invoice',
      subjectId: `bench${n}`,
      ip: '192.0.2.1',
      userAgent: 'bench',
    }),
    (data) => db.auditEvent.createMany({ data }),
  );
}

/** Library rows (no objects: the list reads the database only), named so that a search finds them. */
async function libraryFiles(label: string, count: number) {
  await inBatches(
    count,
    (n) => {
      const id = `c${randomBytes(12).toString('hex')}`;
      return {
        id,
        name: `bench${label} ${n}.pdf`,
        sizeBytes: 1000 + n,
        contentType: 'application/pdf',
        objectKey: keys.libraryFile(id),
        status: 'READY' as const,
        uploadedById: admin.id,
      };
    },
    (data) => db.libraryFile.createMany({ data }),
  );
}

/** Accounts a search for `bench<label>` finds; `avatarKey(n)` gives account n a photo. */
async function accounts(label: string, count: number, avatarKey: (n: number) => string | null = () => null) {
  await inBatches(
    count,
    (n) => ({
      email: `bench${label}-${n}@bench.test`,
      name: `Bench${label} ${n}`,
      passwordHash: 'x',
      role: 'USER' as const,
      avatarKey: avatarKey(n),
    }),
    (data) => db.user.createMany({ data }),
  );
}

/** A share with `count` recipients; its first recipient's link has `count` access-log rows. */
async function shareWithRecipients(label: string, count: number) {
  const share = await db.share.create({
    data: { title: `Bench ${label} recipients`, expiresAt: new Date(Date.now() + 86_400_000), createdById: admin.id },
  });
  await inBatches(
    count,
    (n) => ({
      shareId: share.id,
      name: `Partner ${n}`,
      email: `partner-${label}-${n}@bench.test`,
      tokenHash: hashShareToken(generateShareToken()),
      createdAt: new Date(Date.UTC(2020, 0, 1) + n * 1000),
    }),
    (data) => db.shareRecipient.createMany({ data }),
  );
  const first = await db.shareRecipient.findFirstOrThrow({
    where: { shareId: share.id },
    orderBy: { createdAt: 'asc' },
  });
  await inBatches(
    count,
    (n) => ({
      recipientId: first.id,
      kind: 'OPEN' as const,
      ip: '192.0.2.1',
      userAgent: 'bench',
      createdAt: new Date(Date.UTC(2020, 0, 1) + n * 1000),
    }),
    (data) => db.shareAccessLog.createMany({ data }),
  );
  return { shareId: share.id, recipientId: first.id };
}
const alice = await db.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } });
const small = await customerWithInvoices('small', SMALL);
const large = await customerWithInvoices('large', LARGE);
await auditEvents('storage.lab', SMALL);
await auditEvents('invoice.link', LARGE);
await libraryFiles('small', SMALL);
await libraryFiles('large', LARGE);
await accounts('small', SMALL);
await accounts('large', LARGE);
// 50 accounts with a photo each: one page of the users list.
const photoKeys = Array.from({ length: 50 }, (_, i) =>
  keys.avatar(`cbenchuser${String(i).padStart(4, '0')}`, `benchphoto${String(i).padStart(4, '0')}`),
);
await accounts('photo', photoKeys.length, (n) => photoKeys[n - 1]);
await shares('first', SMALL);
const recipientsSmall = await shareWithRecipients('small', SMALL);
const recipientsLarge = await shareWithRecipients('large', LARGE);

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
const invoiceLink = invoiceLinkPath(invoice.id, new Date(Date.now() + 86_400_000), env.AUTH_SECRET);

report({
  token,
  fileId,
  invoiceId: invoice.id,
  invoiceLink,
  recipientsSmall,
  recipientsLarge,
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

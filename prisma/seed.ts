import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { InvoiceStatus } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/password';
import { issueAccountLink } from '@/lib/dal/account-tokens';
import { sendAccountMail } from '@/lib/dal/account-mail';
import { newInvoiceId } from '@/lib/invoices/ids';
import { formatMoneyPlain } from '@/lib/invoices/format';
import { invoicePdf } from '@/lib/invoices/pdf';
import { PDF_CONTENT_TYPE } from '@/lib/storage/invoices';
import { keys } from '@/lib/storage/keys';
import { headObject, putObject } from '@/lib/storage/objects';
import { SEED_INVITED, SEED_PASSWORD, SEED_USERS } from '@/prisma/seed-accounts';

export { SEED_INVITED, SEED_PASSWORD, SEED_USERS };

/** Sample invoices: alice has three, bob two (one of them voided, to show a refused download). */
export const SEED_INVOICES: {
  number: string;
  email: string;
  issuedAt: string;
  amountCents: number;
  currency: string;
  status: InvoiceStatus;
  voidedAt?: string;
}[] = [
  {
    number: 'INV-2026-0001',
    email: 'alice@example.com',
    issuedAt: '2026-08-03T09:00:00Z',
    amountCents: 12_000,
    currency: 'EUR',
    status: 'PAID',
  },
  {
    number: 'INV-2026-0002',
    email: 'alice@example.com',
    issuedAt: '2026-09-03T09:00:00Z',
    amountCents: 12_000,
    currency: 'EUR',
    status: 'OPEN',
  },
  {
    number: 'INV-2026-0003',
    email: 'alice@example.com',
    issuedAt: '2026-10-03T09:00:00Z',
    amountCents: 24_950,
    currency: 'EUR',
    status: 'OPEN',
  },
  {
    number: 'INV-2026-0004',
    email: 'bob@example.com',
    issuedAt: '2026-09-15T09:00:00Z',
    amountCents: 8_900,
    currency: 'USD',
    status: 'PAID',
  },
  {
    number: 'INV-2026-0005',
    email: 'bob@example.com',
    issuedAt: '2026-10-15T09:00:00Z',
    amountCents: 8_900,
    currency: 'USD',
    status: 'VOID',
    voidedAt: '2026-10-20T09:00:00Z',
  },
];

/** The PDF a seeded invoice carries: the same bytes every time, so a lost object comes back identical. */
export function seedInvoicePdf(
  invoice: { number: string; issuedAt: Date; amountCents: number; currency: string },
  customerName: string,
): Uint8Array {
  return invoicePdf({
    number: invoice.number,
    customerName,
    issuedAt: invoice.issuedAt,
    amount: formatMoneyPlain(invoice.amountCents, invoice.currency),
  });
}

async function seedInvoices(): Promise<void> {
  for (const sample of SEED_INVOICES) {
    const customer = await db.user.findUniqueOrThrow({
      where: { email: sample.email },
      select: { id: true, name: true },
    });
    let invoice = await db.invoice.findUnique({ where: { number: sample.number } });
    if (!invoice) {
      const id = newInvoiceId();
      const issuedAt = new Date(sample.issuedAt);
      const pdf = seedInvoicePdf({ ...sample, issuedAt }, customer.name);
      invoice = await db.invoice.create({
        data: {
          id,
          number: sample.number,
          customerId: customer.id,
          issuedAt,
          amountCents: sample.amountCents,
          currency: sample.currency,
          status: sample.status,
          voidedAt: sample.voidedAt ? new Date(sample.voidedAt) : null,
          objectKey: keys.invoice(customer.id, id),
          sizeBytes: pdf.byteLength,
          sha256: createHash('sha256').update(pdf).digest('hex'),
        },
      });
    }
    // Upload only when missing (a fresh bucket next to a kept database, for example).
    if (!(await headObject(invoice.objectKey)))
      await putObject(invoice.objectKey, seedInvoicePdf(invoice, customer.name), PDF_CONTENT_TYPE);
  }
}

/**
 * Development and test accounts and their sample invoices. Idempotent: running it again changes
 * nothing that is already there (an account keeps its id and password, an invoice its id and
 * PDF). Refused in production.
 */
export async function seed(): Promise<void> {
  if (env.NODE_ENV === 'production')
    throw new Error('Refusing to seed: NODE_ENV is production. The seed accounts have a published password.');
  const passwordHash = await hashPassword(SEED_PASSWORD);
  for (const user of SEED_USERS) {
    await db.user.upsert({ where: { email: user.email }, update: {}, create: { ...user, passwordHash } });
  }
  await seedInvitation();
  await seedInvoices();
}

/** carol@example.com, invited: created once, with its invitation mail (a later seed leaves her as she is). */
async function seedInvitation(): Promise<void> {
  if (await db.user.count({ where: { email: SEED_INVITED.email } })) return;
  await db.$transaction(async (tx) => {
    const carol = await tx.user.create({
      data: { ...SEED_INVITED, status: 'INVITED' },
      select: { id: true, name: true, email: true },
    });
    const link = await issueAccountLink(tx, { purpose: 'INVITATION', userId: carol.id });
    await sendAccountMail(tx, 'invitation', carol, link, { inviterName: SEED_USERS[0].name });
  });
}

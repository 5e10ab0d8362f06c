import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { CUSTOMER_SEARCH_LIMIT, findInvoiceCustomer, searchInvoiceCustomers } from '@/lib/dal/invoice-customers';
import { Forbidden, RedirectToLogin, signedInAs } from '../helpers/mock-session';

vi.mock('@/lib/dal/session', () => import('../helpers/mock-session'));

// Accounts of this file's own, all found by one word no seeded account holds.
const word = `qz${randomBytes(4).toString('hex')}`;
const many = CUSTOMER_SEARCH_LIMIT + 2;
let starts: string;
let deactivated: string;

beforeAll(async () => {
  await db.user.createMany({
    data: Array.from({ length: many }, (_, n) => ({
      email: `customer-${String(n).padStart(2, '0')}-${word}@example.com`,
      name: `Customer ${n}`,
      passwordHash: 'x',
    })),
  });
  starts = (
    await db.user.create({
      data: { email: `zz-last-by-email-${word}@example.com`, name: `${word.toUpperCase()} Starts`, status: 'INVITED' },
    })
  ).id;
  deactivated = (
    await db.user.create({
      data: { email: `gone-${word}@example.com`, name: `Gone ${word}`, passwordHash: 'x', status: 'DEACTIVATED' },
    })
  ).id;
  await db.user.create({
    data: { email: `admin-${word}@example.com`, name: `Admin ${word}`, passwordHash: 'x', role: 'ADMIN' },
  });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { contains: word } } });
});

describe('the customer search of the invoice form (admins)', () => {
  it('refuses anyone but an admin, before reading anything', async () => {
    await signedInAs(null);
    await expect(searchInvoiceCustomers(word)).rejects.toBeInstanceOf(RedirectToLogin);
    await expect(findInvoiceCustomer(starts)).rejects.toBeInstanceOf(RedirectToLogin);
    await signedInAs('alice@example.com');
    await expect(searchInvoiceCustomers(word)).rejects.toBeInstanceOf(Forbidden);
    await expect(searchInvoiceCustomers('')).rejects.toBeInstanceOf(Forbidden);
    await expect(findInvoiceCustomer(starts)).rejects.toBeInstanceOf(Forbidden);
  });

  it('returns at most a bounded number of matches, and says that more match', async () => {
    await signedInAs('admin@example.com');
    const found = await searchInvoiceCustomers(word);
    expect(found.customers).toHaveLength(CUSTOMER_SEARCH_LIMIT);
    expect(found.more).toBe(true);
    // Plain data for the browser: id, name and email, nothing else of the account.
    expect(Object.keys(found.customers[0]).sort()).toEqual(['email', 'id', 'name']);
    const everyone = await searchInvoiceCustomers('');
    expect(everyone.customers.length).toBeLessThanOrEqual(CUSTOMER_SEARCH_LIMIT);
  });

  it('matches a name or an email anywhere, in any case; those starting with the text come first', async () => {
    await signedInAs('admin@example.com');
    const found = await searchInvoiceCustomers(`  ${word.toUpperCase()} `);
    // The name starts with the word: first, although its email sorts last.
    expect(found.customers[0]).toEqual({ id: starts, name: `${word.toUpperCase()} Starts`, email: expect.any(String) });
    // The rest by email.
    const emails = found.customers.slice(1).map((c) => c.email);
    expect(emails).toEqual([...emails].sort());
    expect((await searchInvoiceCustomers(`customer-03-${word}`)).customers.map((c) => c.name)).toEqual(['Customer 3']);
    expect((await searchInvoiceCustomers(`${word} sta`)).customers.map((c) => c.id)).toEqual([starts]);
  });

  it('lists customers only: never admins or closed accounts (invited customers, yes)', async () => {
    await signedInAs('admin@example.com');
    expect((await searchInvoiceCustomers(`admin-${word}`)).customers).toEqual([]);
    expect((await searchInvoiceCustomers(`gone-${word}`)).customers).toEqual([]);
    expect(await findInvoiceCustomer(deactivated)).toBeNull();
    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    expect(await findInvoiceCustomer(admin.id)).toBeNull();
    expect(await findInvoiceCustomer(starts)).toMatchObject({ id: starts, name: `${word.toUpperCase()} Starts` });
  });

  it('takes the text literally: LIKE wildcards and backslashes match only themselves', async () => {
    await signedInAs('admin@example.com');
    for (const text of [`${word}%`, `customer-0_-${word}`, `%${word}`, '\\', `${word}\\`])
      expect((await searchInvoiceCustomers(text)).customers, text).toEqual([]);
  });

  it('reads nothing for an id that is not one', async () => {
    await signedInAs('admin@example.com');
    for (const id of ['', '../x', 'x'.repeat(300), `${starts}\u0000`]) expect(await findInvoiceCustomer(id)).toBeNull();
  });
});

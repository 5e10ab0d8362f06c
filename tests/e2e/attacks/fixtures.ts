import { expect, type APIRequestContext, type Browser } from '@playwright/test';
import pg from 'pg';
import { signIn } from '../helpers';
import { seedLibraryFile, type SeededFile } from '../share-seed';
import type { Caller, Fixtures } from './authorization-matrix';
import { builtActions, callAction, formData } from './built-app';

/** A request context per caller: anonymous, alice (customer), bob (the other customer), the admin. */
export async function callers(browser: Browser, baseURL: string): Promise<Record<Caller, APIRequestContext>> {
  const signedIn = async (who: 'alice' | 'bob' | 'admin') => {
    const context = await browser.newContext({ baseURL });
    await signIn(await context.newPage(), who);
    return context.request;
  };
  const anonymous = (await browser.newContext({ baseURL })).request;
  return {
    anonymous,
    customer: await signedIn('alice'),
    otherCustomer: await signedIn('bob'),
    admin: await signedIn('admin'),
  };
}

export async function run<T>(request: APIRequestContext, name: string, args: unknown[]): Promise<T> {
  const action = builtActions().find((a) => a.name.endsWith(`#${name}`));
  if (!action) throw new Error(`no action ${name} in the build`);
  const outcome = await callAction(request, action, args);
  expect(outcome.state, `${name} while making fixtures: ${outcome.body.slice(0, 300)}`).toMatchObject({
    status: 'success',
  });
  return (outcome.state as { data: T }).data;
}

export async function makeFixtures(
  as: Record<Caller, APIRequestContext>,
): Promise<{ fixtures: Fixtures; remove: () => Promise<void> }> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const one = async (sql: string, value: string) => (await db.query<{ id: string }>(sql, [value])).rows[0].id;
  const invoice = (number: string) => one(`SELECT "id" FROM "Invoice" WHERE "number" = $1`, number);
  const user = (email: string) => one(`SELECT "id" FROM "User" WHERE "email" = $1`, email);
  const aliceName = (await db.query<{ name: string }>(`SELECT "name" FROM "User" WHERE "email" = 'alice@example.com'`))
    .rows[0].name;
  const files: SeededFile[] = [
    await seedLibraryFile('matrix shared.pdf'),
    await seedLibraryFile('matrix unshared.pdf'),
  ];
  try {
    const share = (fileId: string, password = '') =>
      run<{ shareId: string; links: { recipientId: string; url: string }[] }>(as.admin, 'createShareAction', [
        { status: 'idle' },
        formData({
          title: 'Attack suite',
          message: '',
          expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          password,
          maxDownloads: '3',
          fileId: [fileId],
          recipientName: ['Partner'],
          recipientEmail: ['partner@example.com'],
        }),
      ]);
    const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;
    const main = await share(files[0].id);
    // With a password, so that unlocking it with a wrong one is a refusal to check.
    const other = await share(files[1].id, 'the other share’s password');
    const aliceInvoiceId = await invoice('INV-2026-0001');
    const link = await run<{ url: string }>(as.customer, 'createInvoiceLinkAction', [aliceInvoiceId]);
    const avatarUpload = (who: APIRequestContext) =>
      run<{ uploadId: string }>(who, 'createAvatarUploadAction', [{ contentType: 'image/png', size: 1000 }]);
    return {
      fixtures: {
        aliceInvoiceId,
        bobInvoiceId: await invoice('INV-2026-0004'),
        aliceAvatarUploadId: (await avatarUpload(as.customer)).uploadId,
        bobAvatarUploadId: (await avatarUpload(as.otherCustomer)).uploadId,
        carolId: await user('carol@example.com'),
        adminId: await user('admin@example.com'),
        sharedFileId: files[0].id,
        unsharedFileId: files[1].id,
        shareId: main.shareId,
        recipientId: main.links[0].recipientId,
        shareToken: tokenOf(main.links[0].url),
        otherShareToken: tokenOf(other.links[0].url),
        invoiceLinkToken: tokenOf(link.url),
        aliceName,
      },
      remove: async () => {
        for (const file of files) await file.remove();
      },
    };
  } finally {
    await db.end();
  }
}

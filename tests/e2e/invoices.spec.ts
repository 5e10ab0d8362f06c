import fs from 'node:fs';
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { textPdf } from '../../lib/invoices/pdf';
import { ACCOUNTS, chooseCustomer, formAlert, signIn } from './helpers';

type Who = 'anonymous' | keyof typeof ACCOUNTS;
interface SeededInvoice {
  id: string;
  number: string;
  status: string;
  email: string;
}

/** The seeded invoices' ids, straight from the database the server uses (they are random per run). */
async function seededInvoices(): Promise<SeededInvoice[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<SeededInvoice>(
      `SELECT i.id, i.number, i.status, u.email FROM "Invoice" i JOIN "User" u ON u.id = i."customerId" WHERE i.number LIKE 'INV-2026-000_' ORDER BY i.number`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** A browser context signed in as `who` (or not at all), and its cookie-sharing request client. */
async function session(
  browser: Browser,
  who: Who,
): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  if (who !== 'anonymous') await signIn(await context.newPage(), who);
  return { request: context.request, close: () => context.close() };
}

const download = (request: APIRequestContext, id: string) =>
  request.get(`/invoices/${id}/download`, { maxRedirects: 0 });

test('alice sees exactly her three invoices, newest first, and downloads one as a real PDF', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto('/invoices');
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText([
    'INV-2026-0003',
    'INV-2026-0002',
    'INV-2026-0001',
  ]);
  const newest = page.getByRole('row', { name: /INV-2026-0003/ });
  await expect(newest).toContainText('3 Oct 2026');
  await expect(newest).toContainText('€249.50');
  await expect(newest).toContainText('Open');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download INV-2026-0003' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('INV-2026-0003.pdf');
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.toString('latin1')).toContain('Invoice INV-2026-0003');
});

test('"Copy link" copies a 24-hour link and says when it expires, in the user’s time zone', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  await signIn(page, 'alice');
  await page.goto('/invoices');
  await expect(
    page.getByText('A copied link lets anyone who has it download that invoice for 24 hours, unless it is voided.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Copy link to INV-2026-0002' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Link copied to the clipboard' });
  await expect(notice).toContainText(/It expires on .+ GMT\+9 \(in (24 hours|1 day)\)\./);
  const url = await page.getByLabel('Link to INV-2026-0002').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  // An app link, checked on every click; the click itself gets a URL that lives seconds.
  expect(new URL(url).pathname).toMatch(/^\/i\//);
  const click = await context.request.get(url, { maxRedirects: 0 });
  expect(click.status()).toBe(303);
  expect(new URL(click.headers()['location']).searchParams.get('X-Amz-Expires')).toBe('60');
  const response = await context.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toContain('filename="INV-2026-0002.pdf"');
  await context.close();
});

/** A page carries its request's CSP nonce (on its scripts and in its payload): the one part of two refusals that differs. */
async function withoutNonce(response: APIResponse): Promise<string> {
  const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
  const html = await response.text();
  return nonce ? html.replaceAll(nonce, '') : html;
}

test('authorization matrix: owner and admins get a 303 to S3, a voided invoice 410, everyone else the same 404', async ({
  browser,
}) => {
  const invoices = await seededInvoices();
  expect(invoices.map((i) => i.number)).toEqual([
    'INV-2026-0001',
    'INV-2026-0002',
    'INV-2026-0003',
    'INV-2026-0004',
    'INV-2026-0005',
  ]);
  const strangers = ['aaaaaaaaaaaaaaaaaaaaaaaa', 'not-an-id', '..%2F..%2Fetc%2Fpasswd', 'INV-2026-0001'];

  const anonymous = await session(browser, 'anonymous');
  const reference = await download(anonymous.request, strangers[0]);
  expect(reference.status()).toBe(404);
  const notFoundBody = await withoutNonce(reference);
  expect(notFoundBody).toContain('Invoice not found');
  await anonymous.close();

  for (const who of ['anonymous', 'alice', 'bob', 'admin'] as const) {
    const { request, close } = await session(browser, who);
    for (const invoice of invoices) {
      const response = await download(request, invoice.id);
      const mayHaveIt = who === 'admin' || (who !== 'anonymous' && ACCOUNTS[who].email === invoice.email);
      const label = `${who} → ${invoice.number}`;
      expect(response.headers()['cache-control'], label).toContain('no-store');
      if (!mayHaveIt) {
        expect(response.status(), label).toBe(404);
        expect(await withoutNonce(response), label).toBe(notFoundBody);
      } else if (invoice.status === 'VOID') {
        expect(response.status(), label).toBe(410);
        expect(await response.text(), label).toContain('This invoice was voided');
      } else {
        expect(response.status(), label).toBe(303);
        const location = response.headers().location;
        expect(location, label).toContain('X-Amz-Signature=');
        const pdf = await request.get(location);
        expect(pdf.status(), label).toBe(200);
        expect(pdf.headers()['content-type'], label).toBe('application/pdf');
        expect(pdf.headers()['content-disposition'], label).toMatch(
          new RegExp(`^attachment; filename="${invoice.number}\\.pdf"`),
        );
      }
    }
    for (const id of strangers) {
      const response = await download(request, id);
      expect(response.status(), `${who} → ${id}`).toBe(404);
      expect(await withoutNonce(response), `${who} → ${id}`).toBe(notFoundBody);
    }
    await close();
  }
});

test('bob cannot reach alice’s invoice by editing the URL', async ({ page }) => {
  const alices = (await seededInvoices()).find((i) => i.number === 'INV-2026-0001')!;
  await signIn(page, 'bob');
  await page.goto('/invoices');
  await expect(page.getByRole('table').getByRole('rowheader')).toContainText(['INV-2026-0005', 'INV-2026-0004']);
  await expect(page.getByRole('row', { name: /INV-2026-0005/ })).toContainText('Voided: no longer available.');
  const response = await page.goto(`/invoices/${alices.id}/download`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Invoice not found' })).toBeVisible();
});

test('an admin issues an invoice to bob by uploading its PDF; bob sees and downloads it; the admin voids it', async ({
  page,
  browser,
}) => {
  const number = `E2E-${Date.now()}`;
  await signIn(page, 'admin');
  await page.goto('/admin/invoices');
  const form = page.getByRole('form', { name: 'Issue an invoice' });
  // Nothing chosen: the customer is asked for, and what was typed stays.
  await form.getByRole('combobox', { name: 'Customer', exact: true }).fill('bob');
  await form.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(form.getByText('Choose a customer.')).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'Customer', exact: true })).toHaveValue('bob');
  await chooseCustomer(form, 'Customer', 'BOB', new RegExp(ACCOUNTS.bob.email));
  await expect(form.getByRole('combobox', { name: 'Customer', exact: true })).toHaveValue(
    `${ACCOUNTS.bob.name} (${ACCOUNTS.bob.email})`,
  );
  await form.getByLabel('Invoice number').fill(number);
  await form.getByLabel('Amount').fill('75.50');
  await form.getByLabel('Currency').selectOption('USD');

  // A file that is not a PDF is refused after the upload, by the server's check of its first bytes.
  await form
    .getByLabel(/Invoice PDF/)
    .setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
  await form.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(formAlert(page)).toContainText('The file is not a PDF');

  // A PDF of ~700 KB over an upload link throttled to 200 KB/s, so that the progress bar is seen moving.
  const pdf = Buffer.from(
    textPdf([`Invoice ${number}`, ...Array.from({ length: 12_000 }, (_, i) => `Line ${i}: ${'.'.repeat(48)}`)]),
  );
  await form
    .getByLabel(/Invoice PDF/)
    .setInputFiles({ name: `${number}.pdf`, mimeType: 'application/pdf', buffer: pdf });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 200 * 1024,
  });
  await form.getByRole('button', { name: 'Issue invoice' }).click();
  const progress = page.getByRole('progressbar', { name: 'Uploading PDF' });
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: `Invoice ${number} is issued` })).toBeVisible({
    timeout: 30_000,
  });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const adminRow = page.getByRole('row', { name: new RegExp(number) });
  await expect(adminRow).toContainText('Open');
  await expect(adminRow).toContainText('US$75.50');

  const bob = await browser.newContext();
  const bobPage = await bob.newPage();
  await signIn(bobPage, 'bob');
  await bobPage.goto('/invoices');
  await expect(bobPage.getByRole('row', { name: new RegExp(number) })).toContainText('US$75.50');
  const downloading = bobPage.waitForEvent('download');
  await bobPage.getByRole('link', { name: `Download ${number}` }).click();
  expect((await downloading).suggestedFilename()).toBe(`${number}.pdf`);

  await adminRow.getByRole('button', { name: `Void ${number}` }).click();
  await adminRow.getByRole('button', { name: 'Yes, void' }).click();
  // The void is done when the row's status badge says so (the confirm question says "void" before that).
  await expect(adminRow.getByRole('button', { name: `Void ${number}` })).toHaveCount(0);
  await expect(adminRow.getByText('Void', { exact: true })).toBeVisible();
  await bobPage.reload();
  await expect(bobPage.getByRole('row', { name: new RegExp(number) })).toContainText('Voided: no longer available.');
  await bob.close();
});

test('admins filter invoices by customer and read the audit log of downloads and refusals', async ({
  page,
  browser,
}) => {
  const alice = await session(browser, 'alice');
  const invoices = await seededInvoices();
  await download(alice.request, invoices.find((i) => i.number === 'INV-2026-0001')!.id);
  await download(alice.request, invoices.find((i) => i.number === 'INV-2026-0004')!.id);
  await alice.close();

  await signIn(page, 'admin');
  await page.goto('/admin/invoices');
  // By keyboard: type, Down to the match (announced with the count), Enter to choose it.
  const filter = page.getByRole('combobox', { name: 'Filter by customer' });
  await filter.fill(ACCOUNTS.alice.email);
  await expect(page.getByRole('status').filter({ hasText: '1 customer matches.' })).toBeAttached();
  await filter.press('ArrowDown');
  const highlighted = page.locator(`#${await filter.getAttribute('aria-activedescendant')}`);
  await expect(highlighted).toHaveRole('option');
  await expect(highlighted).toContainText(ACCOUNTS.alice.email);
  await expect(highlighted).toHaveAttribute('aria-selected', 'true');
  await filter.press('Enter');
  await expect(filter).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]customer=\w+/);
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText([
    'INV-2026-0003',
    'INV-2026-0002',
    'INV-2026-0001',
  ]);
  // The chosen customer's name stays in the filter, and Clear shows every invoice again.
  await expect(filter).toHaveValue(`${ACCOUNTS.alice.name} (${ACCOUNTS.alice.email})`);
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/admin\/invoices$/);
  await expect(filter).toHaveValue('');
  // A name typed but never chosen is not quietly "all customers": the form says to choose.
  await filter.fill('ali');
  await filter.press('Escape');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(filter).toHaveAccessibleDescription('Choose one of the matches from the list, or clear the field.');
  await expect(filter).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/admin\/invoices$/);
  await filter.fill('');

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Action').selectOption('invoice.download');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=invoice\.download/);
  const events = page.getByRole('region', { name: 'Audit events' });
  const refused = events
    .getByRole('row')
    .filter({ hasText: 'refused' })
    .filter({ hasText: ACCOUNTS.alice.email })
    .first();
  await expect(refused).toContainText(invoices.find((i) => i.number === 'INV-2026-0004')!.id);
  const granted = events
    .getByRole('row')
    .filter({ hasText: 'granted' })
    .filter({ hasText: ACCOUNTS.alice.email })
    .first();
  // When, and until when: in the reader's time zone, with UTC on hover.
  const times = granted.locator('time');
  await expect(times).toHaveCount(2);
  for (const time of await times.all())
    await expect(time).toHaveAttribute('title', /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} UTC$/);
  // Who, when, until when, from which address and with which client.
  await expect(granted).toContainText('127.0.0.1');
  await expect(granted).toContainText('Mozilla/5.0');
  // Keyset pages: older events are one link away; the newest page has no previous one.
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages.getByRole('link', { name: 'Previous page' })).toHaveCount(0);
  if (await pages.count()) await expect(pages.getByRole('link', { name: 'Next page' })).toBeVisible();
});

test('an account without invoices sees an empty state', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/invoices');
  await expect(page.getByRole('heading', { name: 'No invoices yet' })).toBeVisible();
});

test('the invoice list works on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, 'alice');
  await page.goto('/invoices');
  // The table scrolls sideways inside its card; the page itself does not.
  await page.getByRole('link', { name: 'Download INV-2026-0001' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('link', { name: 'Download INV-2026-0001' })).toBeInViewport();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('the admin invoice and audit pages work on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, 'admin');
  for (const path of ['/admin/invoices', '/admin/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('the customer search works on a phone in dark mode, and passes axe with its list open', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await signIn(page, 'admin');
  await page.goto('/admin/invoices');
  const search = page.getByRole('form', { name: 'Issue an invoice' }).getByRole('combobox', { name: 'Customer' });
  await search.click();
  const list = page.getByRole('listbox', { name: 'Customers' }).first();
  await expect(list.getByRole('option', { name: new RegExp(ACCOUNTS.alice.email) })).toBeVisible();
  await search.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-activedescendant', /option-0$/);
  const box = await list.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  // Escape closes the list, and again clears what was typed.
  await search.press('Escape');
  await expect(search).toHaveAttribute('aria-expanded', 'false');
  await search.fill('nobody at all');
  await expect(page.getByRole('status').filter({ hasText: 'No customer matches.' })).toBeAttached();
  await search.press('Escape');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  // Enter on a lone match chooses it, and does not send the form.
  await search.fill(ACCOUNTS.bob.email);
  await expect(page.getByRole('status').filter({ hasText: '1 customer matches.' })).toBeAttached();
  await search.press('Enter');
  await expect(search).toHaveValue(`${ACCOUNTS.bob.name} (${ACCOUNTS.bob.email})`);
  await expect(page.getByText('Check the highlighted fields.')).toHaveCount(0);
  await context.close();
});

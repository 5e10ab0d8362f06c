import fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { mailsTo, waitForMail } from '../helpers/mail';
import { readZip } from '../helpers/zip';
import { signIn } from './helpers';
import { SAMPLE_PNG, samplePdf, seedLibraryFile, type SeededFile } from './share-seed';

const tag = randomBytes(3).toString('hex');
let files: SeededFile[] = [];

test.beforeAll(async () => {
  files = [
    await seedLibraryFile(`Site plan ${tag}.png`, SAMPLE_PNG, 'image/png'),
    await seedLibraryFile(`Contract ${tag}.pdf`, samplePdf(`Contract ${tag}`), 'application/pdf'),
    await seedLibraryFile(`Figures ${tag}.csv`, Buffer.from('quarter,revenue\nQ3,1200\n'), 'text/csv'),
  ];
});

test.afterAll(async () => {
  for (const file of files) await file.remove();
});

/** Creates a share of every seeded file for one partner, at most `maxDownloads`, and returns their link. */
async function shareWithPartner(page: Page, title: string, maxDownloads: number): Promise<string> {
  await signIn(page, 'admin');
  await page.goto('/admin/shares/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Message (optional)').fill('Everything for the site visit.');
  await page.getByRole('button', { name: '1 week' }).click();
  await page.getByLabel('Maximum downloads per recipient (optional)').fill(String(maxDownloads));
  for (const file of files) await page.getByLabel(file.name).check();
  await page.getByLabel('Recipient 1 Name').fill('Pat Partner');
  await page.getByLabel('Recipient 1 Email').fill(`pat-${tag}@partner.example`);
  await page.getByRole('button', { name: 'Create share' }).click();
  // Each link can also be handed over as a QR code.
  await page.getByRole('button', { name: 'Show QR code for Pat Partner' }).click();
  await expect(page.getByRole('img', { name: 'QR code of the link for Pat Partner' })).toBeVisible();
  return page.getByRole('textbox', { name: /^Link for Pat Partner/ }).inputValue();
}

/** Clicks a file's Preview and checks what storage answered (inline, with the stored type); returns the dialog. */
async function openPreview(partner: Page, name: string, resourceType: 'image' | 'document', contentType: string) {
  const [response] = await Promise.all([
    partner.waitForResponse((r) => r.url().includes('X-Amz-Signature') && r.request().resourceType() === resourceType),
    partner.getByRole('button', { name: `Preview ${name}` }).click(),
  ]);
  expect(response.headers()['content-type']).toBe(contentType);
  expect(response.headers()['content-disposition']).toMatch(/^inline/);
  return partner.getByRole('dialog', { name: `Preview of ${name}` });
}

test('a partner sees who shared what, previews an image and a PDF, and downloads all files as one zip', async ({
  page,
  browser,
}) => {
  test.slow(); // two browsers, two previews and a zip: more than the default budget on a busy machine
  const title = `Site visit ${tag}`;
  const link = await shareWithPartner(page, title, 3);

  const partnerContext = await browser.newContext({ acceptDownloads: true });
  // The Blob path (the File System Access save dialog cannot be driven by a test).
  await partnerContext.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  const partner = await partnerContext.newPage();
  // The page's CSP must allow what it does: previews from S3 (an image, a PDF in a frame) and the zip's fetches.
  const blocked: string[] = [];
  partner.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await partner.goto(link);
  await expect(partner.getByRole('heading', { name: title })).toBeVisible();
  await expect(partner.getByText('Ada Admin from Guestpass shared these files with Pat Partner')).toBeVisible();
  const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  await expect(partner.getByText(`3 files · ${(totalBytes / 1024).toFixed(1)} KB`)).toBeVisible();
  // Previews only where the browser can show the type safely: not for the CSV.
  await expect(partner.getByRole('button', { name: `Preview ${files[2].name}` })).toHaveCount(0);

  // The image: a preview URL signed at click time, served inline with its stored type.
  const preview = await openPreview(partner, files[0].name, 'image', 'image/png');
  const image = preview.getByRole('img', { name: files[0].name });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();

  // The PDF, in the browser's own viewer.
  const pdfPreview = await openPreview(partner, files[1].name, 'document', 'application/pdf');
  await expect(pdfPreview.locator(`iframe[title="${files[1].name}"]`)).toBeVisible();
  await pdfPreview.getByRole('button', { name: 'Close' }).click();

  // Download all: one zip, built in the browser, whose entries are the library's bytes.
  const [download] = await Promise.all([
    partner.waitForEvent('download'),
    partner.getByRole('button', { name: 'Download all' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${title}.zip`);
  const entries = readZip(await fs.readFile((await download.path())!));
  expect(entries.map((e) => e.name).sort()).toEqual(files.map((f) => f.name).sort());
  for (const file of files) expect(entries.find((e) => e.name === file.name)?.bytes).toEqual(file.bytes);
  await expect(partner.getByText(`Saved 3 files in ${title}.zip.`)).toBeVisible();
  expect(blocked).toEqual([]);

  // Each file counted once as a download; the two previews apart.
  await page.getByRole('link', { name: 'View share' }).click();
  await expect(page.getByRole('row', { name: 'Pat Partner' }).getByRole('cell', { name: '3 / 3' })).toBeVisible();
  await page.getByRole('link', { name: 'Access log for Pat Partner' }).click();
  await expect(page.getByText('3 downloads · 2 previews')).toBeVisible();

  // The limit holds: a second Download all leaves every file out and says why (the link is now used up).
  await partner.reload();
  await expect(partner.getByRole('heading', { name: 'Download limit reached' })).toBeVisible();
  await partnerContext.close();
});

test('Download all leaves out what the limit no longer allows, and says so', async ({ page, browser }) => {
  const link = await shareWithPartner(page, `Limited ${tag}`, 2);
  const partnerContext = await browser.newContext({ acceptDownloads: true });
  await partnerContext.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  const partner = await partnerContext.newPage();
  await partner.goto(link);
  const [download] = await Promise.all([
    partner.waitForEvent('download'),
    partner.getByRole('button', { name: 'Download all' }).click(),
  ]);
  const entries = readZip(await fs.readFile((await download.path())!));
  expect(entries).toHaveLength(2);
  // Files are taken in the page's order (by name): the third is left out, named, with the reason.
  const [left] = files
    .map((f) => f.name)
    .sort()
    .slice(2);
  await expect(partner.getByText(`Left out ${left}: Download limit reached.`)).toBeVisible();
  await partnerContext.close();
});

test('“Email the links” sends each of two recipients one mail with only their own link', async ({ page }) => {
  const title = `Mailed links ${tag}`;
  const people = [
    { name: 'Pat Partner', email: `pat-mail-${tag}@partner.example` },
    { name: 'Quinn Partner', email: `quinn-mail-${tag}@partner.example` },
  ];
  await signIn(page, 'admin');
  await page.goto('/admin/shares/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Message (optional)').fill('The signed contract is in here.');
  await page.getByRole('button', { name: '1 week' }).click();
  await page.getByLabel(files[1].name).check();
  await page.getByLabel('Recipient 1 Name').fill(people[0].name);
  await page.getByLabel('Recipient 1 Email').fill(people[0].email);
  await page.getByRole('button', { name: 'Add recipient' }).click();
  await page.getByLabel('Recipient 2 Name').fill(people[1].name);
  await page.getByLabel('Recipient 2 Email').fill(people[1].email);
  await page.getByRole('button', { name: 'Create share' }).click();
  const links = await Promise.all(
    people.map((p) => page.getByRole('textbox', { name: new RegExp(`^Link for ${p.name}`) }).inputValue()),
  );

  await page.getByRole('button', { name: 'Email the links' }).click();
  await expect(page.getByText('Emailed 2 recipients each their own link.')).toBeVisible();
  for (const [i, person] of people.entries()) {
    const mail = await waitForMail(person.email, { subject: title });
    expect(mail.subject).toBe(`Ada Admin from Guestpass shared “${title}” with you`);
    expect(mail.links).toContain(links[i]);
    expect(mail.links).not.toContain(links[1 - i]);
    expect(mail.to).toEqual([person.email]);
    expect(mail.text).toContain('The signed contract is in here.');
    expect(mail.text).toMatch(/Your access expires on .+ UTC/);
  }
  // A second click sends nobody a second mail.
  await page.getByRole('button', { name: 'Email the links' }).click();
  await expect(page.getByText('These links were emailed already')).toBeVisible();
  for (const person of people) expect(await mailsTo(person.email)).toHaveLength(1);
});

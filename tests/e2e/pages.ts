import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import pg from 'pg';
import { waitForMail } from '../helpers/mail';
import { ACCOUNTS, signIn } from './helpers';
import { seedLibraryFile, type SeededFile } from './share-seed';

/**
 * Every page of the app, as the accessibility, phone and screenshot runs visit it: who sees it, and
 * its primary action (the control a visitor came for, which must be reachable on a phone without
 * sideways scrolling). Pages that need data (a share, a partner link, a voided invoice) get it here.
 */
export type Who = keyof typeof ACCOUNTS | 'anonymous';

export interface AppPage {
  name: string;
  path: string;
  who: Who;
  /** The HTTP status the page answers with. */
  status?: number;
  primary: (page: Page) => Locator;
}

export const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
export const THEMES = ['light', 'dark'] as const;

const button = (name: string | RegExp) => (page: Page) => page.getByRole('button', { name }).first();
const link = (name: string | RegExp) => (page: Page) => page.getByRole('link', { name }).first();

/** Signed-in browser states, one sign-in per account for the whole run. */
export async function storageStates(browser: Browser, directory: string): Promise<Record<Who, string | undefined>> {
  fs.mkdirSync(directory, { recursive: true });
  const states: Record<Who, string | undefined> = { anonymous: undefined, admin: '', alice: '', bob: '' };
  for (const who of ['admin', 'alice', 'bob'] as const) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), who);
    states[who] = path.join(directory, `${who}.json`);
    await context.storageState({ path: states[who] });
    await context.close();
  }
  return states;
}

async function voidedInvoice(): Promise<{ id: string; email: string }> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; email: string }>(
      `SELECT i.id, u.email FROM "Invoice" i JOIN "User" u ON u.id = i."customerId" WHERE i.status = 'VOID' ORDER BY i.number LIMIT 1`,
    );
    return rows[0];
  } finally {
    await db.end();
  }
}

/** Creates a share through the admin's form, as an admin would: its page, its recipient and a live partner link. */
async function createShare(page: Page, file: SeededFile) {
  await page.goto('/admin/shares/new');
  await page.getByLabel('Title').fill(`Pages tour ${file.name}`);
  await page.getByRole('button', { name: '1 week' }).click();
  await page.getByLabel('Search files by name').fill(file.name);
  await page.getByLabel(file.name).check();
  await page.getByLabel('Recipient 1 Name').fill('Pat Partner');
  await page.getByLabel('Recipient 1 Email').fill('pat@partner.example');
  await page.getByRole('button', { name: 'Create share' }).click();
  const partnerLink = await page.getByRole('textbox', { name: /^Link for Pat Partner/ }).inputValue();
  await page.getByRole('link', { name: 'View share' }).click();
  await expect(page.getByRole('link', { name: 'Edit share' })).toBeVisible();
  const sharePath = new URL(page.url()).pathname;
  const logPath = await page.getByRole('link', { name: 'Access log for Pat Partner' }).getAttribute('href');
  return { sharePath, logPath: logPath!, partnerPath: new URL(partnerLink).pathname };
}

/** Invites someone new through the Invite user dialog and returns the path of their set-password link. */
async function invitation(page: Page): Promise<string> {
  const email = `tour-${randomBytes(4).toString('hex')}@example.com`;
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Invite user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite user' });
  await dialog.getByLabel('Name').fill('Tina Tour');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();
  const mail = await waitForMail(email, { subject: 'invited you' });
  const link = mail.links.find((url) => url.includes('/account/password'));
  return new URL(link!).pathname + new URL(link!).search;
}

export interface PageTour {
  pages: AppPage[];
  states: Record<Who, string | undefined>;
  cleanup: () => Promise<void>;
}

export async function pageTour(browser: Browser, stateDirectory: string): Promise<PageTour> {
  const states = await storageStates(browser, stateDirectory);
  const file = await seedLibraryFile(`Tour ${randomBytes(3).toString('hex')}.pdf`);
  const context = await browser.newContext({ storageState: states.admin });
  const share = await createShare(await context.newPage(), file);
  const setPasswordPath = await invitation(await context.newPage());
  await context.close();
  const voided = await voidedInvoice();
  const voidedOwner = (Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[]).find(
    (w) => ACCOUNTS[w].email === voided.email,
  )!;
  const pages: AppPage[] = [
    { name: 'sign-in', path: '/login', who: 'anonymous', primary: button('Sign in') },
    { name: 'forgot-password', path: '/forgot-password', who: 'anonymous', primary: button('Send reset link') },
    // Only looking at the page uses nothing: the link works until the form is sent.
    { name: 'set-password', path: setPasswordPath, who: 'anonymous', primary: button('Set password') },
    {
      name: 'account-link-dead',
      path: '/account/password?token=no-such-link',
      who: 'anonymous',
      primary: link('Ask for a new link'),
    },
    { name: 'home', path: '/', who: 'alice', primary: link('Invoices') },
    { name: 'profile', path: '/profile', who: 'alice', primary: (page) => page.getByText('Choose photo') },
    { name: 'invoices', path: '/invoices', who: 'alice', primary: link(/^Download/) },
    { name: 'admin', path: '/admin', who: 'admin', primary: link('Files') },
    { name: 'admin-files', path: '/admin/files', who: 'admin', primary: (page) => page.getByText('Upload files') },
    { name: 'admin-shares', path: '/admin/shares', who: 'admin', primary: link('New share') },
    { name: 'admin-share-new', path: '/admin/shares/new', who: 'admin', primary: button('Create share') },
    { name: 'admin-share', path: share.sharePath, who: 'admin', primary: link('Edit share') },
    { name: 'admin-share-edit', path: `${share.sharePath}/edit`, who: 'admin', primary: button('Save changes') },
    { name: 'admin-share-log', path: share.logPath, who: 'admin', primary: link(/^←/) },
    { name: 'admin-users', path: '/admin/users', who: 'admin', primary: button('Invite user') },
    { name: 'admin-invoices', path: '/admin/invoices', who: 'admin', primary: button('Issue invoice') },
    { name: 'admin-audit', path: '/admin/audit', who: 'admin', primary: button('Filter') },
    {
      name: 'admin-mail',
      path: '/admin/mail',
      who: 'admin',
      primary: (page) => page.getByRole('heading', { name: 'Mail', exact: true }),
    },
    { name: 'admin-storage', path: '/admin/storage', who: 'admin', primary: link('Open the lab') },
    { name: 'admin-lab', path: '/admin/storage/lab', who: 'admin', primary: button('Run the lab') },
    { name: 'partner', path: share.partnerPath, who: 'anonymous', primary: link(`Download ${file.name}`) },
    {
      name: 'partner-unknown-link',
      path: `/s/${randomBytes(32).toString('base64url')}`,
      who: 'anonymous',
      status: 404,
      primary: (page) => page.getByRole('heading', { name: 'Link not found' }),
    },
    {
      name: 'partner-revoked-link',
      path: '/status/link-revoked',
      who: 'anonymous',
      primary: (page) => page.getByRole('heading', { name: 'This link has been revoked' }),
    },
    {
      name: 'invoice-link-unknown',
      path: `/i/${randomBytes(16).toString('hex')}`,
      who: 'anonymous',
      status: 404,
      primary: (page) => page.getByRole('heading', { name: 'Link not found' }),
    },
    { name: 'not-found', path: '/no-such-page', who: 'alice', status: 404, primary: link('Go home') },
    { name: 'admins-only', path: '/admin', who: 'alice', status: 403, primary: link('Go home') },
    {
      name: 'invoice-voided',
      path: `/invoices/${voided.id}/download`,
      who: voidedOwner,
      status: 410,
      primary: link('Back to your invoices'),
    },
  ];
  return { pages, states, cleanup: () => file.remove() };
}

export interface PageView {
  width: keyof typeof WIDTHS;
  theme: (typeof THEMES)[number];
}

/**
 * Visits every page of the tour at both widths in both themes (the system setting), one browser
 * context per account and view, and calls `visit` on each.
 */
export async function visitEveryPage(
  browser: Browser,
  tour: PageTour,
  visit: (page: Page, target: AppPage, view: PageView) => Promise<void>,
  widths = Object.keys(WIDTHS) as PageView['width'][],
) {
  for (const width of widths)
    for (const theme of THEMES)
      for (const who of ['anonymous', 'admin', 'alice', 'bob'] as const) {
        const pages = tour.pages.filter((p) => p.who === who);
        if (pages.length === 0) continue;
        const viewport = WIDTHS[width];
        const context = await browser.newContext({ viewport, colorScheme: theme, storageState: tour.states[who] });
        const page = await context.newPage();
        for (const target of pages) await visit(page, target, { width, theme });
        await context.close();
      }
}

/**
 * Opens one page as `view` shows it and checks it: its status, its primary action visible and
 * inside the viewport's width, no sideways scrolling, nothing blocked by the CSP (soft checks, so one run names every page that
 * fails); returns its serious and critical axe violations.
 */
export async function checkPage(
  page: Page,
  target: Pick<AppPage, 'name' | 'path' | 'status' | 'primary'>,
  { width, theme }: PageView,
): Promise<string[]> {
  const where = `${target.name} (${target.path}) at ${width}, ${theme}`;
  const blocked: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  };
  page.on('console', onConsole);
  const response = await page.goto(target.path);
  expect.soft(response?.status(), where).toBe(target.status ?? 200);
  const primary = target.primary(page);
  await expect.soft(primary, `${where}: primary action`).toBeVisible();
  const box = await primary.boundingBox();
  const viewportWidth = WIDTHS[width].width;
  expect
    .soft(box && box.x >= 0 && box.x + box.width <= viewportWidth, `${where}: primary action within the width`)
    .toBe(true);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect.soft(overflow, `${where}: sideways scrolling`).toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  page.off('console', onConsole);
  expect.soft(blocked, `${where}: blocked by the Content-Security-Policy`).toEqual([]);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('\n    ')}`,
    );
}

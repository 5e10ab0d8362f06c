import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { textPdf } from '../../../lib/invoices/pdf';
import { waitForMail } from '../../helpers/mail';
import { SSO_BUTTON_LABEL, SSO_PEOPLE, type SsoPerson } from '../../helpers/oidc-provider';
import { chooseCustomer, formAlert } from '../helpers';
import { checkPage, THEMES, WIDTHS } from '../pages';
import { setupLinkFromLog } from './server-log';

// A new deployment, in order: nobody can sign in until the first admin is made through /setup; then
// people are invited, take their accounts up from the mail, forget passwords and get deactivated.
test.describe.configure({ mode: 'serial' });

const run = randomBytes(3).toString('hex');
const admin = { name: 'Frieda First', email: `frieda-${run}@example.com`, password: 'first admin passphrase' };
const alice = { name: 'Alice Fresh', email: `alice-${run}@example.com`, password: 'alice passphrase one' };
const newCustomer = { name: 'Nina New', email: `nina-${run}@example.com` };

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
}

async function setNewPassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the new password').fill(password);
  await page.getByRole('button', { name: /Set password|Save new password/ }).click();
  await expect(page).toHaveURL(/\/login\?/);
}

/** Single sign-on through the in-process OpenID provider (its own plain login and consent pages). */
async function signInWithSso(page: Page, person: SsoPerson) {
  await page.goto('/login');
  await page.getByRole('button', { name: SSO_BUTTON_LABEL }).click();
  await page.getByPlaceholder('Enter any login').fill(person);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function signedInPage(
  browser: Browser,
  who: { email: string; password: string },
  viewport?: { width: number; height: number },
) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

test('the setup page passes axe at both widths in both themes, with its button on screen', async ({
  page,
  browser,
}) => {
  await page.goto('/login');
  const setup = await setupLinkFromLog();
  const failures: string[] = [];
  for (const width of Object.keys(WIDTHS) as (keyof typeof WIDTHS)[])
    for (const theme of THEMES) {
      const context = await browser.newContext({ viewport: WIDTHS[width], colorScheme: theme });
      const target = {
        name: 'setup',
        path: setup,
        primary: (p: Page) => p.getByRole('button', { name: 'Create admin account' }),
      };
      failures.push(...(await checkPage(await context.newPage(), target, { width, theme })));
      await context.close();
    }
  expect(failures, failures.join('\n')).toEqual([]);
});

test('the first admin is created through /setup with the link from the server log; then /setup is gone', async ({
  page,
}) => {
  await page.goto('/login');
  const setup = await setupLinkFromLog();
  await page.goto(setup);
  await expect(page.getByRole('heading', { name: 'Set up Guestpass' })).toBeVisible();

  // Every field's problem at once, and what was typed stays.
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill('not-an-address');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByText('Enter a valid email address', { exact: false })).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue(admin.name);

  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Repeat the password').fill(admin.password);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByText('Your admin account is ready.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();

  const again = await page.goto(setup);
  expect(again?.status()).toBe(404);
});

test('the admin invites alice; alice sets her password from the mail and signs in', async ({ page, browser }) => {
  await signIn(page, admin);
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Invite user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite user' });
  await dialog.getByLabel('Name').fill(alice.name);
  await dialog.getByLabel('Email').fill(alice.email);
  await dialog.getByLabel('Role').selectOption('USER');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitation sent.')).toBeVisible();
  const row = page.getByRole('listitem', { name: alice.email });
  await expect(row.getByText('Invited')).toBeVisible();

  const mail = await waitForMail(alice.email, { subject: 'invited you' });
  expect(mail.text).toContain('expires on');
  const link = mail.links.find((l) => l.includes('/account/password?token='))!;
  const alicePage = await (await browser.newContext()).newPage();
  await setNewPassword(alicePage, link, alice.password);
  await signIn(alicePage, alice);
  await expect(alicePage.getByRole('heading', { name: `Welcome, ${alice.name}` })).toBeVisible();

  // The link worked once.
  await alicePage.goto(link);
  await expect(alicePage.getByText('already been used')).toBeVisible();
  await page.reload();
  await expect(row.getByText('Active')).toBeVisible();
});

test('the admin issues an invoice to someone new, invited by email from the invoice form', async ({ page }) => {
  await signIn(page, admin);
  await page.goto('/admin/invoices');
  const form = page.getByRole('form', { name: 'Issue an invoice' });
  // What the admin typed in the search starts the new customer's email.
  await chooseCustomer(form, 'Customer', newCustomer.email, 'Someone new: invite by email…');
  await expect(form.getByLabel('Customer’s email')).toHaveValue(newCustomer.email);
  await form.getByLabel('Customer’s name').fill(newCustomer.name);
  await form.getByLabel('Amount').fill('99.50');
  await form.getByLabel(/Invoice PDF/).setInputFiles({
    name: 'nina.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(textPdf([`For ${newCustomer.name}`])),
  });
  await form.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(page.getByText(/Invoice .* is issued/)).toBeVisible();
  await expect(page.getByRole('cell', { name: new RegExp(newCustomer.email) })).toBeVisible();
  const mail = await waitForMail(newCustomer.email, { subject: 'invited you' });
  expect(mail.links.some((l) => l.includes('/account/password?token='))).toBe(true);
});

test('the new customer, who has no password, signs in with an email link and downloads the invoice', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in with an email link' })).toBeVisible();
  await page.getByLabel('Email').fill(newCustomer.email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const answer = 'If an account uses that address, a sign-in link is on its way. It works once, for 15 minutes.';
  await expect(page.getByText(answer)).toBeVisible();

  const mail = await waitForMail(newCustomer.email, { subject: 'Your sign-in link' });
  expect(mail.text).toContain('expires on');
  const link = mail.links.find((l) => l.includes('/login/link/open?'))!;
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();

  await page.goto('/invoices');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Download / }).click();
  const file = fs.readFileSync(await (await downloading).path());
  expect(file.subarray(0, 5).toString()).toBe('%PDF-');

  // The link worked once: opened again, in a browser without the session, it is refused.
  const other = await (await page.context().browser()!.newContext()).newPage();
  await other.goto(link);
  await other.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(formAlert(other)).toContainText('expired or was already used');
});

test('forgot password: the reset link from the mail sets a new password', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  // The sign-in form has an Email field too: fill the new page's, not the one still on screen.
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email').fill(alice.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account uses that address, a reset link is on its way.')).toBeVisible();
  const mail = await waitForMail(alice.email, { subject: 'Reset your password' });
  alice.password = 'alice passphrase two';
  await setNewPassword(
    page,
    mail.links.find((l) => l.includes('/account/password?token='))!,
    alice.password,
  );
  await signIn(page, alice);
});

test('a deactivated user’s open session ends on the next click; on a phone every action is there', async ({
  browser,
}) => {
  const alicePage = await signedInPage(browser, alice);
  const adminPage = await signedInPage(browser, admin, { width: 390, height: 844 });
  await adminPage.goto('/admin/users');
  await expect(adminPage.getByRole('button', { name: 'Invite user' })).toBeInViewport();
  const row = adminPage.getByRole('listitem', { name: alice.email });
  const overflow = await adminPage.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await row.getByRole('button', { name: `Deactivate ${alice.email}` }).click();
  await row.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await expect(row.getByText('Deactivated')).toBeVisible();

  await alicePage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click();
  await expect(alicePage).toHaveURL(/\/login/);
  await alicePage.getByLabel('Email').fill(alice.email);
  await alicePage.getByLabel('Password', { exact: true }).fill(alice.password);
  await alicePage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(formAlert(alicePage)).toContainText('deactivated');
});

test('single sign-on: a new person of an allowed domain gets an account, an admin by the provider’s group; other domains are refused', async ({
  browser,
}) => {
  const olga = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await olga.goto('/login');
  await expect(olga.getByRole('button', { name: SSO_BUTTON_LABEL })).toBeInViewport();
  await expect(olga.getByRole('link', { name: 'Email me a sign-in link' })).toBeVisible();
  await signInWithSso(olga, 'olga');
  await expect(olga.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  await olga.goto('/admin/users');
  await expect(olga.getByRole('listitem', { name: SSO_PEOPLE.olga.email }).getByText('Active')).toBeVisible();

  const mallory = await (await browser.newContext()).newPage();
  await signInWithSso(mallory, 'mallory');
  await expect(mallory).toHaveURL(/\/login\?error=sso-domain/);
  await expect(formAlert(mallory)).toContainText('open only to addresses of certain domains');
});

test('single sign-on links an invited account only through a verified address, and never to a second identity', async ({
  page,
  browser,
}) => {
  await signIn(page, admin);
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Invite user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite user' });
  await dialog.getByLabel('Name').fill('Victor Vetted');
  await dialog.getByLabel('Email').fill(SSO_PEOPLE.victor.email);
  await dialog.getByLabel('Role').selectOption('USER');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitation sent.')).toBeVisible();

  const attempt = async (person: SsoPerson) => {
    const visitor = await (await browser.newContext()).newPage();
    await signInWithSso(visitor, person);
    return visitor;
  };
  const unverified = await attempt('victorUnverified');
  await expect(formAlert(unverified)).toContainText('has not verified your email address');

  const victor = await attempt('victor');
  await expect(victor.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('listitem', { name: SSO_PEOPLE.victor.email }).getByText('Active')).toBeVisible();

  const impostor = await attempt('victorImpostor');
  await expect(formAlert(impostor)).toContainText('already linked to a different single sign-on identity');
  await expect(impostor.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
});
